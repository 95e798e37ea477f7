/** The two locale files stay in step, and every key the UI asks for exists. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from '../../public/_locales/ar/messages.json';
import en from '../../public/_locales/en/messages.json';

type Locale = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Locale> = { ar, en };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('have the same keys in Arabic and English', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });

  it('use only placeholders they declare, and declare the same ones in both languages', () => {
    for (const [lang, file] of Object.entries(locales)) {
      for (const [key, entry] of Object.entries(file)) {
        expect(key, `${lang}.${key}`).toMatch(/^[A-Za-z0-9_]+$/);
        for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
          expect(entry.placeholders?.[name.toLowerCase()], `${lang}.${key} uses $${name}$`).toBeDefined();
        }
        expect(Object.keys(entry.placeholders ?? {}), `${lang}.${key}`).toEqual(Object.keys((en as Locale)[key].placeholders ?? {}));
      }
    }
  });

  it('contain the manifest strings', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle']) {
      expect((ar as Locale)[key]?.message).toBeTruthy();
      expect((en as Locale)[key]?.message).toBeTruthy();
    }
    expect((en as Locale).extName.message.length).toBeLessThanOrEqual(75);
    expect((en as Locale).extDescription.message.length).toBeLessThanOrEqual(132);
    expect((ar as Locale).extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('define every key the interface asks for', () => {
    const root = resolve(__dirname, '..');
    const used = new Set<string>();
    for (const file of [...sources(join(root, 'ui')), ...sources(join(root, 'popup')), ...sources(join(root, 'options')), ...sources(join(root, 'sidepanel'))]) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(key);
      for (const [, key] of text.matchAll(/plural\(\s*'([A-Za-z0-9_]+)'/g)) used.add(`${key}_other`);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });
});
