import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { manifestFor, type TargetBrowser } from './scripts/lib/manifest-for.ts';

// `vite build --mode chrome|firefox` writes dist/<browser>; scripts/build-extension.ts runs both.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const source = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  return {
    plugins: [preact(), crx({
        manifest: manifestFor(source, browser) as any,
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
      rollupOptions: {
        // Firefox's sidebar_action page is not a manifest key crxjs knows; name it as an input for both.
        input: { sidepanel: resolve(import.meta.dirname, 'src/sidepanel/index.html') },
      },
    },
  };
});
