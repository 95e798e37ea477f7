import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CorpusError, openCorpus, type SkippedLine } from './read-corpus';

const dir = mkdtempSync(join(tmpdir(), 'sila-read-'));
const art = (id: string, body = `body of ${id}`) => JSON.stringify({ id, title: `title ${id}`, body });

async function readAll(file: string, maxLineBytes?: number) {
  const skipped: SkippedLine[] = [];
  const corpus = openCorpus(file, { onSkip: (s) => skipped.push(s), maxLineBytes });
  const ids: string[] = [];
  for await (const a of corpus.articles) ids.push(a.id);
  return { ids, skipped, stats: corpus.stats };
}

describe('openCorpus', () => {
  const lines = [art('a'), '', 'garbage', art('b'), art('a'), JSON.stringify({ id: 'c', title: 'title a', body: 'body of a' }).replace('"c"', '"c"'), art('d')];
  const text = lines.join('\n') + '\n';

  it('reads plain JSONL, skipping bad lines with their numbers', async () => {
    const file = join(dir, 'plain.jsonl');
    writeFileSync(file, text);
    const { ids, skipped, stats } = await readAll(file);
    expect(ids).toEqual(['a', 'b', 'd']);
    expect(skipped.map((s) => [s.line, s.code])).toEqual([
      [3, 'not-json'],
      [5, 'duplicate-id'],
      [6, 'duplicate-article'],
    ]);
    expect(stats).toMatchObject({ read: 3, skippedTotal: 3, gzip: false });
  });

  it('detects gzip by magic bytes, whatever the name', async () => {
    const file = join(dir, 'corpus.data');
    writeFileSync(file, gzipSync(text));
    const { ids, stats } = await readAll(file);
    expect(ids).toEqual(['a', 'b', 'd']);
    expect(stats.gzip).toBe(true);
  });

  it('handles CRLF, a BOM and a last line without newline', async () => {
    const file = join(dir, 'crlf.jsonl');
    writeFileSync(file, '\ufeff' + art('a') + '\r\n' + art('b'));
    expect((await readAll(file)).ids).toEqual(['a', 'b']);
  });

  it('skips an over-long line without buffering it, and invalid UTF-8', async () => {
    const file = join(dir, 'long.jsonl');
    const bad = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    writeFileSync(file, Buffer.concat([Buffer.from(art('a') + '\n' + art('big', 'x'.repeat(5000)) + '\n'), bad, Buffer.from('\n' + art('b') + '\n')]));
    const { ids, skipped } = await readAll(file, 1000);
    expect(ids).toEqual(['a', 'b']);
    expect(skipped.map((s) => [s.line, s.code])).toEqual([
      [2, 'line-too-long'],
      [3, 'invalid-utf8'],
    ]);
  });

  it('stops with one clear sentence on a missing file', () => {
    expect(() => openCorpus(join(dir, 'nope.jsonl'))).toThrowError(/Corpus not found at .*--corpus FILE or set SILA_CORPUS/);
  });

  it('stops on a truncated gzip instead of building a partial index', async () => {
    const file = join(dir, 'trunc.jsonl.gz');
    const gz = gzipSync(Array.from({ length: 2000 }, (_, i) => art(`id${i}`)).join('\n'));
    writeFileSync(file, gz.subarray(0, gz.length >> 1));
    await expect(readAll(file)).rejects.toThrowError(/truncated or corrupt gzip/);
  });

  it('stops when the file is not JSONL at all', async () => {
    const file = join(dir, 'binary.bin');
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await expect(readAll(file)).rejects.toBeInstanceOf(CorpusError);
  });
});
