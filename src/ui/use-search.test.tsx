import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { SearchResult } from '../lib/types';
import type { SilaClient } from './client';
import { installDom, settle } from './test-dom';
import { SEARCH_DEBOUNCE_MS, useSearch, type SearchLoad } from './use-search';

let document: Document;
beforeAll(() => {
  document = installDom();
});

const result = (id: string): SearchResult => ({
  doc: { id, title: id, url: null, source: null, published: null, snippet: '', story: 0 },
  position: 0,
  score: 1,
  matchedTerms: [],
});

/** A client whose answers arrive only when the test says so, in any order. */
function controlledClient() {
  const pending = new Map<string, (r: SearchResult[]) => void>();
  const calls: string[] = [];
  const client = {
    search: (query: string) => {
      calls.push(query);
      return new Promise<SearchResult[]>((resolve) => pending.set(query, resolve));
    },
  } as unknown as SilaClient;
  return { client, calls, answer: (query: string) => pending.get(query)!([result(query)]) };
}

describe('useSearch', () => {
  it('debounces typing and drops answers that arrive after a newer query was sent', async () => {
    const { client, calls, answer } = controlledClient();
    let seen = { status: 'idle' } as SearchLoad;
    function Probe({ query }: { query: string }) {
      seen = useSearch(client, query).load;
      return null;
    }
    const root = document.createElement('div');
    // Three keystrokes inside the debounce window: one request.
    render(<Probe query="س" />, root);
    await settle(10);
    render(<Probe query="سد" />, root);
    await settle(10);
    render(<Probe query="سد ا" />, root);
    await settle(SEARCH_DEBOUNCE_MS + 150);
    // Normally one request; a machine stalled for longer than the debounce may send one more, never three.
    expect(calls.at(-1)).toBe('سد ا');
    expect(calls.length).toBeLessThan(3);
    calls.splice(0, calls.length - 1);

    // A slow answer to an older query must not replace the newer one.
    render(<Probe query="سد النهضة" />, root);
    await settle(SEARCH_DEBOUNCE_MS + 150);
    expect(calls).toEqual(['سد ا', 'سد النهضة']);
    answer('سد النهضة');
    await settle(50);
    expect(seen).toMatchObject({ status: 'done', query: 'سد النهضة' });
    answer('سد ا');
    await settle(50);
    expect(seen).toMatchObject({ status: 'done', query: 'سد النهضة' });
    expect(seen.status === 'done' && seen.results[0].doc.id).toBe('سد النهضة');

    // Clearing the box goes back to idle without a request.
    render(<Probe query="  " />, root);
    await settle(SEARCH_DEBOUNCE_MS + 150);
    expect(seen).toEqual({ status: 'idle' });
    expect(calls).toHaveLength(2);
    render(null, root);
  });
});
