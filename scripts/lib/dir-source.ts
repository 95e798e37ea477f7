/** The node IndexSource: index files read from a directory (the very files the extension ships). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexSource } from '../../src/lib/index/source';

export function dirSource(dir: string): IndexSource {
  return {
    text: (name) => readFile(join(dir, name), 'utf8'),
    bytes: async (name) => {
      const buf = await readFile(join(dir, name));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
  };
}
