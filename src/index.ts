/** Browser/default entry: the pure core. Load resources with `fetch` and pass them to `createNormalizer`. */
export * from './core/index.js';
