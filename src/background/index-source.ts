/** The shipped index, read from the extension's own package (no network: runtime URLs are local files). */
import browser from 'webextension-polyfill';
import type { IndexSource } from '../lib/index/source';

async function fetchFile(name: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`index/${name}`));
  if (!response.ok) throw new Error(`index file ${name} is missing from the package (HTTP ${response.status})`);
  return response;
}

export const packagedIndex: IndexSource = {
  text: async (name) => (await fetchFile(name)).text(),
  bytes: async (name) => new Uint8Array(await (await fetchFile(name)).arrayBuffer()),
};
