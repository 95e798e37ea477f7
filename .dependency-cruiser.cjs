/**
 * The layers of src/, checked by `npm run lint:layers` (part of `npm test`):
 *
 *   src/lib          code that runs anywhere: the engine (text analysis, index build and load, related articles,
 *                    toolbar search) and the text helpers the pages share with the background (highlight, safe
 *                    URLs). No browser code and nothing above it, so the build scripts, the evals and the
 *                    extension run the same code. Its type check without DOM, Node or extension types is tsconfig.lib.json.
 *   src/*.ts         the contracts between the extension's contexts (messages.ts, settings.ts, tab-answer.ts):
 *                    they import src/lib and each other, no context.
 *   src/background, src/content, src/popup, src/sidepanel, src/options, src/ui
 *                    the contexts; each imports src/lib and the contracts, never another context. The pages
 *                    (popup, side panel, options) share src/ui, their components.
 */
const contexts = ['background', 'content', 'popup', 'sidepanel', 'options', 'ui'];
const pages = ['popup', 'sidepanel', 'options'];
/** The contexts `name` must not import: all but itself, and for a page all but src/ui too. */
const forbiddenFor = (name) => contexts.filter((c) => c !== name && !(pages.includes(name) && c === 'ui'));

module.exports = {
  forbidden: [
    {
      name: 'lib-imports-nothing-above-it',
      comment: 'src/lib is the engine: it must not depend on a context, a contract or a script.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: ['^src/[^/]+\\.tsx?$', `^src/(${contexts.join('|')})/`, '^scripts/', '^tests/(?!fixtures/)'] },
    },
    {
      name: 'lib-imports-no-browser-code',
      comment: 'src/lib runs in Node (build, evals) as in the extension: no extension API, no UI library.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: ['^node_modules/(webextension-polyfill|preact|@types/webextension-polyfill)/'] },
    },
    {
      name: 'build-side-imports-no-query-side',
      comment:
        'The index builder and what it uses must not import the query-time ranking (src/lib/related, ' +
        'src/lib/engine.ts): scripts/lib/ensure-index.ts leaves those out of the code hash that decides a rebuild.',
      severity: 'error',
      from: { path: '^src/lib/(index|text|corpus|search)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^src/lib/related/', '^src/lib/engine\\.ts$'] },
    },
    {
      name: 'text-is-a-leaf',
      comment: 'Text analysis is what everything else builds on; it imports nothing else of src/lib.',
      severity: 'error',
      from: { path: '^src/lib/text/' },
      to: { path: '^src/lib/', pathNot: '^src/lib/text/' },
    },
    {
      name: 'contracts-import-no-context',
      comment: 'The shared contracts (src/*.ts) are what the contexts agree on: they import no context.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.tsx?$' },
      to: { path: `^src/(${contexts.join('|')})/` },
    },
    ...contexts.map((name) => ({
      name: `${name}-imports-no-other-context`,
      comment: `src/${name} talks to the other contexts through the contracts (src/*.ts) only.`,
      severity: 'error',
      // The preview (src/ui/preview) is a development page that renders every page, the options page included.
      from: name === 'ui' ? { path: '^src/ui/', pathNot: '^src/ui/preview/' } : { path: `^src/${name}/` },
      to: { path: `^src/(${forbiddenFor(name).join('|')})/` },
    })),
    {
      name: 'src-imports-no-script',
      comment: 'Shipped code imports no script or test; unit tests may share the fixtures in tests/fixtures.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^scripts/', '^tests/(?!fixtures/)'] },
    },
    {
      name: 'src-code-imports-no-test-fixture',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
