/**
 * The browsers `npm start`, `npm test` and this harness drive: Debian's Chromium and Firefox ESR, at CHROMIUM_PATH /
 * FIREFOX_PATH when set, else `chromium` / `firefox-esr` on the PATH. Nothing here downloads a browser. A
 * missing one is installed with Debian's apt-get only where that asks nothing (root, or sudo without a
 * password) and no *_PATH points elsewhere, after saying so; otherwise the caller prints the one command to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

const BROWSERS: Record<BrowserName, { env: string; command: string; aptPackage: string; label: string }> = {
  chromium: { env: 'CHROMIUM_PATH', command: 'chromium', aptPackage: 'chromium', label: 'Chromium' },
  firefox: { env: 'FIREFOX_PATH', command: 'firefox-esr', aptPackage: 'firefox-esr', label: 'Firefox ESR' },
};
/** Arabic glyphs in the popup's screenshots (what .ci/run installs beside the browsers). */
const FONT_PACKAGE = 'fonts-noto-core';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `command` on `path` (a PATH-style list) that is an executable file, or null. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** Where the browser is, or null when it is not there (a *_PATH that names no executable counts as not there). */
export function findBrowser(name: BrowserName): string | null {
  const { env, command } = BROWSERS[name];
  const explicit = process.env[env];
  if (explicit) return isExecutable(explicit) ? explicit : null;
  return findOnPath(command);
}

/** The browser's path for the test harness; throws the sentence saying what to run when it is missing. */
export function browserPath(name: BrowserName): string {
  const found = findBrowser(name);
  if (!found) throw new Error(missingSentence([name], 'The end-to-end tests need', 'npm test'));
  return found;
}

/** The packages that install these browsers, and the fonts for Arabic when they are not there yet. */
function packagesFor(names: BrowserName[]): string[] {
  return [...names.map((n) => BROWSERS[n].aptPackage), ...(debianPackageInstalled(FONT_PACKAGE) ? [] : [FONT_PACKAGE])];
}

/**
 * One sentence: which browsers `need` (e.g. "The demo needs") and are missing, and what to run, then `rerun`:
 * scripts/setup-browsers.sh where there is apt-get (and the apt-get line it runs, through sudo unless root),
 * else the *_PATH to set.
 */
export function missingSentence(names: BrowserName[], need: string, rerun: string): string {
  const pointed = names.filter((n) => process.env[BROWSERS[n].env]);
  const where = pointed.length ? pointed.map((n) => `${BROWSERS[n].env}=${process.env[BROWSERS[n].env]} is not an executable`).join(' and ') : 'not found on the PATH';
  const envs = names.map((n) => BROWSERS[n].env).join(' and ');
  const todo = findOnPath('apt-get')
    ? `${pointed.length ? `point ${envs} at one, or unset ${pointed.length > 1 ? 'them' : 'it'} and ` : ''}run \`sh scripts/setup-browsers.sh\` (${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install ${packagesFor(names).join(' ')})`
    : `install ${names.length > 1 ? 'them' : 'it'} and set ${envs} to ${names.length > 1 ? 'their executables' : 'its executable'}`;
  return `${need} ${names.map((n) => BROWSERS[n].label).join(' and ')}, ${where}: ${todo}, then \`${rerun}\`.`;
}

/** How apt-get can run without asking anything: as root, through `sudo -n`, or not at all (null). */
function aptRunner(): string[] | null {
  if (!findOnPath('apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  if (findOnPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return null;
}

function debianPackageInstalled(name: string): boolean {
  return !findOnPath('dpkg') || spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs the missing browsers where apt-get asks nothing, saying so first; returns those still missing (a
 * browser whose *_PATH is set is never installed over: the user pointed elsewhere).
 */
export function ensureBrowsers(names: BrowserName[], purpose: string): BrowserName[] {
  const missing = names.filter((n) => !findBrowser(n));
  const installable = missing.filter((n) => !process.env[BROWSERS[n].env]);
  const runner = installable.length ? aptRunner() : null;
  if (runner) {
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...packagesFor(installable)];
    console.log(
      `\nNo ${installable.map((n) => BROWSERS[n].label).join(' or ')} on the PATH, and apt-get may run ${runner.length ? 'through sudo' : 'as root'}: ` +
        `installing it for ${purpose} with \`${[...runner, ...install].join(' ')}\` (after \`apt-get update\`).`,
    );
    const run = (args: string[]) => {
      const command = [...runner, 'env', 'DEBIAN_FRONTEND=noninteractive', ...args];
      return spawnSync(command[0], command.slice(1), { stdio: 'inherit' }).status === 0;
    };
    if (!(run(['apt-get', 'update', '-qq']) && run(install))) console.log('apt-get did not finish the install.');
  }
  return names.filter((n) => !findBrowser(n));
}
