/**
 * `npm test`: everything, in the order a failure is cheapest to find: type check, the layer check, unit tests,
 * the index and both extension builds, `web-ext lint` of the Firefox build, then the built extension in real
 * Chromium and Firefox. Ends with one line "N passed, N failed" counting the test cases of every stage.
 * The end-to-end stage runs two node:test processes side by side, one per browser (SILA_E2E_BROWSERS), each
 * taking the suites one at a time: the suites mostly wait on the browser, so the two overlap well on 2 cores
 * (the stage's processes spend most of their time waiting on pages and timers: 186 s of CPU in 1094 s of wall time
 * before this split). `--serial-e2e` runs the two one after the other instead.
 * The browsers are checked first, as `npm start` does: a missing one is installed with apt-get where that asks
 * nothing (root, passwordless sudo), saying so; otherwise one sentence says what to run, and the end-to-end
 * stage counts as failed rather than as skipped.
 *
 *   npm test [-- --skip-e2e] [-- --serial-e2e]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './paths';
import { parseArgs } from './lib/args';
import { ensureBrowsers, missingSentence } from '../tests/e2e/harness/browsers';

const args = parseArgs(process.argv.slice(2), { flags: ['skip-e2e', 'serial-e2e'] });
const skipE2e = args.has('skip-e2e');
const serialE2e = args.has('serial-e2e');
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

/** One node:test process for one browser's suites; its output is printed whole when it ends (not interleaved). */
function e2eProcess(browser: 'chromium' | 'firefox'): Promise<{ browser: string; output: string; ok: boolean; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...e2eFiles], {
    cwd: repoRoot,
    env: { ...process.env, SILA_E2E_BROWSERS: browser },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ browser, output, ok: code === 0, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The end-to-end stage: Chromium's and Firefox's processes side by side (or one after the other with --serial-e2e). */
async function runE2e(): Promise<boolean> {
  const name = 'end-to-end (Chromium, Firefox)';
  console.log(`\n=== ${name}: ${serialE2e ? 'one browser after the other' : 'both browsers side by side'}, ${e2eFiles.join(' ')}`);
  const started = performance.now();
  const results = serialE2e
    ? [await e2eProcess('chromium'), await e2eProcess('firefox')]
    : await Promise.all([e2eProcess('chromium'), e2eProcess('firefox')]);
  let [passed, failed] = [0, 0];
  for (const r of results) {
    console.log(`\n--- ${r.browser} (${r.seconds.toFixed(1)} s)`);
    process.stdout.write(r.output);
    const [p, f] = nodeTestCounts(r.output);
    passed += p;
    failed += r.ok ? f : Math.max(f, 1);
  }
  stages.push({ name, passed, failed, seconds: (performance.now() - started) / 1000 });
  return results.every((r) => r.ok);
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
    ok = (await runE2e()) && ok;
  }
}

console.log('\n=== summary');
for (const s of stages) console.log(`${s.name.padEnd(34)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1)} s`);
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
