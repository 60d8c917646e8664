/**
 * Registers the analysis components of the core in the worker bundle (tagger, parser, ... register themselves with
 * `defineComponent` when their module is loaded). scripts/build-web.ts also adds every other src/core module that
 * calls `defineComponent(`, so a new component is picked up without editing this list.
 */
import '../core/tag/index.js';
import '../core/parse/index.js';
import '../core/lemmatize/index.js';
