/**
 * Page and corpus text is data, never markup: no Sila source may write HTML from strings. The one
 * UNSAFE_VAR_ASSIGNMENT that `web-ext lint` reports is inside Preact's own diff (its dangerouslySetInnerHTML
 * path), which this test keeps unreachable by forbidding that prop in our code.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../scripts/paths';

const SINKS = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('markup sinks', () => {
  test('no extension source writes HTML from strings or evaluates code', () => {
    const offenders = sourceFiles(join(repoRoot, 'src'))
      .filter((file) => !file.includes(`${join('src', 'ui', 'preview')}`))
      .filter((file) => SINKS.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });

  test('the check itself catches a sink', () => {
    expect(SINKS.test('el.innerHTML = title')).toBe(true);
    expect(SINKS.test('<div dangerouslySetInnerHTML={{ __html: x }} />')).toBe(true);
    expect(SINKS.test('el.textContent = title')).toBe(false);
  });
});
