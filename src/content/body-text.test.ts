/**
 * Properties of mainText's rules for link lines, on generated pages: a table row's linked cell is kept exactly when
 * another cell of its row is prose, in its place; a paragraph that is one link is never kept.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { mainText, walkParagraphs } from './body-text';

const prose = (i: number) => `Row ${i} describes at some length what the record of this row is about, for the reader.`;

function textOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="c">${html}</div></body></html>`);
  const root = document.getElementById('c') as unknown as Element;
  const { paras } = walkParagraphs(root);
  return mainText(paras, root, null, 200_000).text;
}

test('a linked table cell is kept, in its place, exactly when its row holds a prose cell', () => {
  const row = fc.record({ proseCell: fc.boolean(), year: fc.boolean() });
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
      const trs = rows
        .map(
          (r, i) =>
            `<tr><th><a href="/t/${i}">Linked title ${i}</a></th>${r.year ? `<td>${1990 + i}</td>` : ''}` +
            `${r.proseCell ? `<td>${prose(i)}</td>` : `<td><a href="/x/${i}">Another link ${i}</a></td>`}</tr>`,
        )
        .join('');
      const lines = textOf(`<p>${prose(100)}</p><table>${trs}</table><p>${prose(101)}</p>`).split('\n');
      rows.forEach((r, i) => {
        const at = lines.indexOf(`Linked title ${i}`);
        expect(at >= 0, `row ${i}`).toBe(r.proseCell);
        if (r.proseCell) expect(lines[at + (r.year ? 2 : 1)]).toBe(prose(i));
        expect(lines).not.toContain(`Another link ${i}`);
      });
    }),
    { numRuns: 60 },
  );
});

test('a paragraph that is one link is never kept, whatever prose surrounds it', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.stringMatching(/^[a-z]{3,12}( [a-z]{3,12}){5,9}$/), (before, after, words) => {
      const ps = (n: number, from: number) => Array.from({ length: n }, (_, i) => `<p>${prose(from + i)}</p>`).join('');
      const text = textOf(`${ps(before, 0)}<p><a href="/other">${words}</a></p>${ps(after, 10)}`);
      expect(text.split('\n')).not.toContain(words);
    }),
    { numRuns: 60 },
  );
});
