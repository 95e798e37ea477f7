/**
 * `npm test`: everything, in the order a failure is cheapest to find: type check, the layer check, unit tests,
 * the index and both extension builds, `web-ext lint` of the Firefox build, then the built extension in real
 * Chromium and Firefox. Ends with one line "N passed, N failed" counting the test cases of every stage.
 * The browsers are checked first, as `npm start` does: a missing one is installed with apt-get where that asks
 * nothing (root, passwordless sudo), saying so; otherwise one sentence says what to run, and the end-to-end
 * stage counts as failed rather than as skipped.
 *
 *   npm test [-- --skip-e2e]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './paths';
import { parseArgs } from './lib/args';
import { ensureBrowsers, missingSentence } from '../tests/e2e/harness/browsers';

const skipE2e = parseArgs(process.argv.slice(2)).has('skip-e2e');
const artifacts = resolve(repoRoot, 'artifacts');
mkdirSync(artifacts, { recursive: true });

interface Stage { name: string; passed: number; failed: number; seconds: number }
const stages: Stage[] = [];

function run(name: string, command: string, args: string[], count: (output: string, ok: boolean) => [number, number]): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  const ok = result.status === 0;
  const [passed, failed] = count(output, ok);
  stages.push({ name, passed, failed: ok ? failed : Math.max(failed, 1), seconds: (performance.now() - started) / 1000 });
  return ok;
}

const asOneCheck = (_: string, ok: boolean): [number, number] => (ok ? [1, 0] : [0, 1]);

function vitestCounts(): [number, number] {
  const file = resolve(artifacts, 'vitest.json');
  if (!existsSync(file)) return [0, 1];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return [report.numPassedTests, report.numFailedTests];
}

/** node:test's summary; a run that found no test at all counts as a failure, not as green. */
function nodeTestCounts(output: string): [number, number] {
  const pass = Number(/^# pass (\d+)/m.exec(output)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(output)?.[1] ?? 0);
  return [pass, pass + fail === 0 ? 1 : fail];
}

const e2eFiles = readdirSync(resolve(repoRoot, 'tests', 'e2e'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `tests/e2e/${name}`);

// Before the first stage, so that a missing browser is known (or installed) in the first seconds, not minutes in.
const missingBrowsers = skipE2e ? [] : ensureBrowsers(['chromium', 'firefox'], 'the end-to-end tests');
const browsersMissing = missingBrowsers.length ? missingSentence(missingBrowsers, 'The end-to-end tests need', 'npm test') : '';
if (browsersMissing) console.log(`\n${browsersMissing}`);

const npx = 'npx';
let ok = run('type check', npx, ['tsc', '--noEmit', '-p', '.'], asOneCheck);
ok = run('layers (.dependency-cruiser.cjs, tsconfig.lib.json)', 'npm', ['run', '--silent', 'lint:layers'], asOneCheck) && ok;
ok = run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${resolve(artifacts, 'vitest.json')}`], () => vitestCounts()) && ok;
const built =
  run('index build', 'npm', ['run', '--silent', 'build:index'], asOneCheck) &&
  run('extension build', 'npm', ['run', '--silent', 'build:ext'], asOneCheck);
ok = built && ok;
if (built) {
  ok = run('web-ext lint (Firefox build)', npx, ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--no-config-discovery'], asOneCheck) && ok;
  if (browsersMissing) {
    console.log(`\n=== end-to-end (Chromium, Firefox): not run. ${browsersMissing}`);
    stages.push({ name: 'end-to-end (Chromium, Firefox)', passed: 0, failed: 1, seconds: 0 });
    ok = false;
  } else if (!skipE2e) {
    ok = run('end-to-end (Chromium, Firefox)', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...e2eFiles], nodeTestCounts) && ok;
  }
}

console.log('\n=== summary');
for (const s of stages) console.log(`${s.name.padEnd(34)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1)} s`);
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
