// Injected into the CJS bundles: ESM dependencies (fdir, under tinyglobby) call createRequire(import.meta.url).
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
