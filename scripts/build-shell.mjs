// Bundles the Electron shell: the main process as ESM (electron/services and
// electron/documents use import.meta.url) and the preload as CommonJS (a
// sandboxed preload is loaded as a classic script and can require only
// `electron`). Native and font-reading packages stay external and ship in
// node_modules.
import { build } from 'esbuild';

// Bundled CommonJS dependencies call require()/__dirname, which an ES module
// does not have; these give them the real ones for the bundle's location.
const esmBanner = [
  "import { createRequire as __liaisonCreateRequire } from 'node:module';",
  "import { fileURLToPath as __liaisonFileURLToPath } from 'node:url';",
  "import { dirname as __liaisonDirname } from 'node:path';",
  'const require = __liaisonCreateRequire(import.meta.url);',
  'const __filename = __liaisonFileURLToPath(import.meta.url);',
  'const __dirname = __liaisonDirname(__filename);',
].join('\n');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'info',
};

await Promise.all([
  build({
    ...shared,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/main/index.mjs',
    format: 'esm',
    // better-sqlite3-multiple-ciphers loads a native .node file; pdfmake reads its fonts from its own folder.
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfmake'],
    banner: { js: esmBanner },
  }),
  build({
    ...shared,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
