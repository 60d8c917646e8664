/** Browser/default entry: the pure core, and the `fetch` loader of its data (createBrowserPipeline, loadResources). */
export * from './core/index.js';
export * from './browser/index.js';
