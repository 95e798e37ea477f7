import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { manifestFor, withoutPages, type TargetBrowser } from './scripts/lib/manifest-for.ts';

// The background and the content script: `vite build --mode chrome|firefox` writes them to dist/<browser>.
// scripts/build-extension.ts runs it for both browsers, then builds the pages (popup, side panel, options).
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const source = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  return {
    plugins: [preact(), crx({
        manifest: withoutPages(manifestFor(source, browser)) as any,
        browser,
        liveReload: false,
        // One self-contained file: no loader, hence no web_accessible_resources a page could probe to detect Sila.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // The index is shipped as static files from public/index; nothing inlined.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1024,
    },
  };
});
