import { describe, expect, it, vi } from 'vitest';

const store: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
        remove: async (key: string) => void delete store[key],
      },
    },
  },
}));
const { PENDING_QUERY_KEY, takePendingQuery } = await import('./pending-query');

describe('takePendingQuery', () => {
  it('takes a fresh query once', async () => {
    store[PENDING_QUERY_KEY] = { query: '  سد \n النهضة ', at: 1000 };
    expect(await takePendingQuery(2000)).toBe('سد النهضة');
    expect(await takePendingQuery(2000)).toBe('');
  });
  it('ignores stale or malformed entries', async () => {
    store[PENDING_QUERY_KEY] = { query: 'old', at: 0 };
    expect(await takePendingQuery(120_000)).toBe('');
    store[PENDING_QUERY_KEY] = { query: 42, at: 0 };
    expect(await takePendingQuery(1)).toBe('');
    store[PENDING_QUERY_KEY] = { query: 'x'.repeat(10_000), at: 0 };
    expect((await takePendingQuery(1)).length).toBe(500);
  });
});
