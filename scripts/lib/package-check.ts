/** Package rules of the stores, checked on every build so a breaking file never ships. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { zipSync } from 'fflate';

/** Firefox's linter refuses .js/.json/.html files of 5 MiB or more; we keep every file under 4 MiB. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function checkPackage(dir: string): string[] {
  const problems: string[] = [];
  for (const file of listFiles(dir)) {
    const name = relative(dir, file);
    const bytes = statSync(file).size;
    if (bytes >= MAX_FILE_BYTES) problems.push(`${name} is ${(bytes / 1048576).toFixed(1)} MiB (limit 4 MiB)`);
    if (name.endsWith('.gz')) problems.push(`${name}: Edge refuses packages holding .gz files`);
    if (name.endsWith('.map')) problems.push(`${name}: source maps do not belong in the package`);
  }
  return problems;
}

export function zipFolder(dir: string, zipPath: string): { bytes: number; files: number } {
  const entries: Record<string, Uint8Array> = {};
  for (const file of listFiles(dir)) entries[relative(dir, file).split('\\').join('/')] = readFileSync(file);
  // Fixed timestamps keep the zip reproducible from the same inputs.
  const zipped = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zipped);
  return { bytes: zipped.length, files: Object.keys(entries).length };
}
