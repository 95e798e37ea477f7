/**
 * Make a new article-detection fixture from a saved page: writes tests/fixtures/pages/<slug>/source.html and a
 * DRAFT expected.json filled in from what the current extractor says, for a human to check and correct (the
 * draft's "text" is the extractor's own output: fix it to the article's real text before committing, or the
 * fixture only proves the extractor agrees with itself).
 *
 *   npx tsx scripts/make-fixture.ts --slug youm7-sport --url https://www.youm7.com/story/... saved-page.html
 *   npx tsx scripts/make-fixture.ts --slug ... --url ... --force saved.html   # overwrite an existing fixture
 *
 * Saved pages may carry the outlet's copyrighted text: commit only pages whose prose you wrote or may share.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { extractSnapshot } from '../src/content/extract';
import { repoRoot } from './paths';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slug: { type: 'string' }, url: { type: 'string' }, force: { type: 'boolean' } },
});
const file = positionals[0];
if (!file || !values.slug || !values.url) {
  console.error('usage: npx tsx scripts/make-fixture.ts --slug SLUG --url PAGE_URL [--force] SAVED_PAGE.html');
  process.exit(2);
}
if (!/^[a-z0-9][a-z0-9-]*$/.test(values.slug)) {
  console.error(`The slug "${values.slug}" must be lower-case letters, digits and dashes.`);
  process.exit(2);
}
const dir = resolve(repoRoot, 'tests', 'fixtures', 'pages', values.slug);
if (existsSync(dir) && !values.force) {
  console.error(`${dir} exists already; pass --force to overwrite it.`);
  process.exit(1);
}
const html = readFileSync(file, 'utf8');
const { document } = parseHTML(html);
const snap = extractSnapshot(document as unknown as Document, values.url);
const paragraphs = snap.text.split('\n').filter((p) => p.length > 40);
const draft = {
  url: values.url,
  isArticle: snap.isArticle,
  title: snap.title,
  lang: snap.lang,
  dir: snap.dir,
  canonicalUrl: snap.canonicalUrl,
  published: snap.published,
  siteName: snap.siteName,
  minTextLength: Math.floor(snap.text.length * 0.9),
  mustContain: paragraphs.length ? [paragraphs[0].slice(0, 90), paragraphs[paragraphs.length - 1].slice(0, 90)] : [],
  mustNotContain: [],
  text: snap.text,
  note: 'DRAFT from the extractor: check every field against the page, fix "text" to the real article text, list read-also headlines and comments in mustNotContain.',
};
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, 'source.html'), html);
writeFileSync(resolve(dir, 'expected.json'), JSON.stringify(draft, null, 2) + '\n');
console.log(`wrote ${dir}/source.html and a draft expected.json`);
console.log(`  isArticle ${snap.isArticle}, title "${snap.title.slice(0, 80)}", ${snap.text.length} characters of text`);
console.log('  now read the draft against the page and correct it before committing');
