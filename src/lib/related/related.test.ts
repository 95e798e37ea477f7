import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openIndex, type SilaIndex } from '../engine';
import type { CorpusArticle } from '../types';
import { IndexBuilder } from '../index/build';
import { META_FILE, type ShippedMeta } from '../index/format';
import { memorySource } from '../index/source';

// Our own small corpus (tests never carry real corpus text).
const articles: CorpusArticle[] = readFileSync(resolve(__dirname, '../../../tests/fixtures/corpus-en.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

function buildFiles(): Map<string, Uint8Array | string> {
  const builder = new IndexBuilder({ corpusName: 'fixture' });
  for (const a of articles) builder.add(a);
  const built = builder.finish();
  const meta: ShippedMeta = {
    ...built.meta,
    builtAt: '2024-01-01T00:00:00Z',
    files: [...built.files].map(([name, bytes]) => ({ name, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') })),
  };
  const files = new Map<string, Uint8Array | string>(built.files);
  files.set(META_FILE, JSON.stringify(meta));
  return files;
}

const files = buildFiles();
const position = async (index: SilaIndex, id: string) => {
  for (let p = 0; p < index.size; p++) if ((await index.doc(p)).id === id) return p;
  throw new Error(`no article ${id}`);
};

describe('relatedToPosition with the page text', () => {
  it('is the live query without the article itself', async () => {
    const index = await openIndex(memorySource(files));
    for (const a of articles) {
      const p = await position(index, a.id);
      const query = { title: a.title, body: a.body, url: a.url ?? null, published: a.published ?? null };
      const live = (await index.related(query, { k: 10 })).filter((r) => r.position !== p);
      const corpus = await index.relatedToPosition(p, { k: 10, query });
      expect(corpus.map((r) => r.position)).not.toContain(p);
      for (const r of corpus) expect(r.alsoIn.map((d) => d.id)).not.toContain(a.id);
      // Without itself among the candidates the others keep their order (title feedback may differ slightly,
      // so compare the stories both lists hold).
      const common = new Set(live.map((r) => r.position));
      const order = corpus.map((r) => r.position).filter((x) => common.has(x));
      expect(order).toEqual(live.map((r) => r.position).filter((x) => order.includes(x)));
    }
  });
});
