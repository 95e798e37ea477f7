import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCorpusCredit, readCorpusCredit } from './corpus-credit';

describe('parseCorpusCredit', () => {
  it('takes the name, the first link and the first reference under Publications, as plain text', () => {
    const readme = [
      'Some Corpus',
      '=====',
      'The [Some Corpus](https://some.example/corpus) of news.',
      '### Publications',
      '',
      ':page_facing_up: A. Author. **A Title**. In ([Conf 2020](http://conf.example)), pp. 1-2.',
      ':page_facing_up: B. Other. **Another**.',
    ].join('\n');
    expect(parseCorpusCredit(readme)).toEqual({ title: 'Some Corpus', url: 'https://some.example/corpus', citation: 'A. Author. A Title. In (Conf 2020), pp. 1-2.' });
  });

  it('leaves out what the file does not say', () => {
    expect(parseCorpusCredit('# Only a name\n\nno link here')).toEqual({ title: 'Only a name', url: null, citation: null });
    expect(parseCorpusCredit('\n\n')).toBeNull();
  });
});

// The bundled corpus' own README, read at run time (never copied into the repository).
const ant = join(__dirname, '../../../shared/corpus/ant-2018');
describe.runIf(existsSync(ant))('the bundled corpus', () => {
  it('credits ANT with its home page and a published reference', () => {
    const credit = readCorpusCredit(ant)!;
    expect(credit.title).toMatch(/ANT Corpus/);
    expect(credit.url).toMatch(/^https?:\/\/antcorpus\.github\.io/);
    expect(credit.citation).toMatch(/Chouigui/);
    expect(credit.citation).not.toMatch(/[*\[\]]|:page_facing_up:/);
  });
});
