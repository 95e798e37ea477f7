/**
 * A stand-in for webextension-polyfill in the UI preview (scripts/ui-preview.ts aliases the module to this
 * file): in-memory storage.sync with change events, i18n from the bundled locales, no-op tab events.
 * Never part of the extension build.
 */
import ar from '../../../public/_locales/ar/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { formatMessage } from '../../i18n';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const params = new URLSearchParams(globalThis.location?.search ?? '');
const uiLanguage = params.get('ui') ?? 'en-US';
const store: Record<string, unknown> = {};
const listeners = new Set<Listener>();
const noopEvent = { addListener() {}, removeListener() {}, hasListener: () => false };

const sync = {
  async get(key: string) {
    return key in store ? { [key]: structuredClone(store[key]) } : {};
  },
  async set(items: Record<string, unknown>) {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { oldValue: store[k], newValue: structuredClone(v) };
      store[k] = structuredClone(v);
    }
    queueMicrotask(() => listeners.forEach((l) => l(changes, 'sync')));
  },
  async remove(key: string) {
    const changes = { [key]: { oldValue: store[key] } };
    delete store[key];
    queueMicrotask(() => listeners.forEach((l) => l(changes, 'sync')));
  },
};

const browser = {
  storage: {
    sync,
    onChanged: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
    },
  },
  i18n: {
    getUILanguage: () => uiLanguage,
    getMessage(key: string, subs?: string | string[]) {
      const file = (uiLanguage.startsWith('ar') ? ar : en) as Record<string, { message: string }>;
      return formatMessage(file[key] ?? (en as Record<string, { message: string }>)[key], typeof subs === 'string' ? [subs] : subs ?? []);
    },
  },
  runtime: { openOptionsPage: async () => {}, sendMessage: async () => undefined },
  tabs: {
    onActivated: noopEvent,
    onUpdated: noopEvent,
    query: async () => [{ id: 1 }],
    create: async () => ({}),
  },
};

export default browser;
