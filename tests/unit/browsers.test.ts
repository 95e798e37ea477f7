// How `npm start` and `npm test` find their browsers, and when they install one: on a PATH of our own (a temp
// directory with a fake apt-get that "installs" by writing the executable), never the machine's apt.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureBrowsers, findBrowser, findOnPath, missingSentence } from '../e2e/harness/browsers';

let dir: string;
const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH, FIREFOX_PATH: process.env.FIREFOX_PATH };

function executable(name: string, body = 'exit 0'): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** An apt-get that logs its arguments and, on install, writes each named package as an executable beside itself. */
function fakeAptGet(): string {
  return executable(
    'apt-get',
    `echo "$@" >> "${join(dir, 'apt.log')}"\n[ "$1" = install ] || exit 0\nfor p in "$@"; do case "$p" in -*|install) ;; *) printf '#!/bin/sh\\n' > "${dir}/$p"; /bin/chmod +x "${dir}/$p";; esac; done`,
  );
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sila-browsers-'));
  symlinkSync('/usr/bin/env', join(dir, 'env'));
  process.env.PATH = dir;
  delete process.env.CHROMIUM_PATH;
  delete process.env.FIREFOX_PATH;
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('finding a browser', () => {
  it('takes the first executable file of that name on the PATH, not a plain file or a directory', () => {
    writeFileSync(join(dir, 'chromium'), 'not executable');
    mkdirSync(join(dir, 'firefox-esr'));
    expect(findOnPath('chromium')).toBeNull();
    expect(findBrowser('firefox')).toBeNull();
    const other = mkdtempSync(join(tmpdir(), 'sila-browsers-other-'));
    try {
      writeFileSync(join(other, 'chromium'), '#!/bin/sh\n');
      chmodSync(join(other, 'chromium'), 0o755);
      process.env.PATH = `${dir}:${other}`;
      expect(findBrowser('chromium')).toBe(join(other, 'chromium'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('takes CHROMIUM_PATH over the PATH, and a CHROMIUM_PATH naming nothing means no browser', () => {
    executable('chromium');
    process.env.CHROMIUM_PATH = join(dir, 'missing');
    expect(findBrowser('chromium')).toBeNull();
    process.env.CHROMIUM_PATH = executable('my-chrome');
    expect(findBrowser('chromium')).toBe(join(dir, 'my-chrome'));
  });
});

describe('the sentence for a missing browser', () => {
  it('names the setup script and the apt-get line it runs, with sudo only when not root', () => {
    fakeAptGet();
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    expect(missingSentence(['chromium'], 'The demo needs', 'npm start')).toBe(
      'The demo needs Chromium, not found on the PATH: run `sh scripts/setup-browsers.sh` (sudo apt-get install chromium), then `npm start`.',
    );
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    expect(missingSentence(['chromium', 'firefox'], 'The end-to-end tests need', 'npm test')).toContain('run `sh scripts/setup-browsers.sh` (apt-get install chromium firefox-esr)');
  });

  it('names the variable that points nowhere, and without apt-get says which variable to set', () => {
    process.env.FIREFOX_PATH = join(dir, 'gone');
    expect(missingSentence(['firefox'], 'The tests need', 'npm test')).toBe(
      `The tests need Firefox ESR, FIREFOX_PATH=${join(dir, 'gone')} is not an executable: install it and set FIREFOX_PATH to its executable, then \`npm test\`.`,
    );
  });
});

describe('installing a missing browser', () => {
  it('as root with apt-get: says so first, updates, installs, and then finds it', () => {
    fakeAptGet();
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    expect(ensureBrowsers(['chromium'], 'the demo')).toEqual([]);
    expect(findBrowser('chromium')).toBe(join(dir, 'chromium'));
    expect(readFileSync(join(dir, 'apt.log'), 'utf8').trim().split('\n')).toEqual(['update -qq', 'install -y --no-install-recommends chromium']);
    expect(vi.mocked(console.log).mock.calls[0][0]).toMatch(/No Chromium on the PATH, and apt-get may run as root: installing it for the demo/);
  });

  it('never as a user without passwordless sudo, nor over a CHROMIUM_PATH the user set', () => {
    fakeAptGet();
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    expect(ensureBrowsers(['chromium'], 'the demo')).toEqual(['chromium']);
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    process.env.CHROMIUM_PATH = join(dir, 'missing');
    expect(ensureBrowsers(['chromium'], 'the demo')).toEqual(['chromium']);
    expect(existsSync(join(dir, 'apt.log'))).toBe(false);
  });

  it('through sudo -n when it asks no password', () => {
    fakeAptGet();
    executable('sudo', '[ "$1" = -n ] && shift; exec "$@"');
    symlinkSync('/bin/true', join(dir, 'true'));
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    expect(ensureBrowsers(['firefox'], 'the tests')).toEqual([]);
    expect(vi.mocked(console.log).mock.calls[0][0]).toContain('`sudo -n apt-get install -y --no-install-recommends firefox-esr`');
  });
});
