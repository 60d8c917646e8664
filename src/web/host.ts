/**
 * The engine of the editor: runs the dabir core (src/core only, never src/node) on data fetched from the same origin.
 * Answers `{ normalize: text, options }` with the corrected text and its changes, `{ analyze: text, options }` with
 * sentences, tokens and words (lemma, POS, head and deprel when those components are loaded), and `{ spell: text,
 * register }` with the spelling issues (the spelling data is fetched on the first such request). It runs in the Web
 * Worker (worker.ts), or in the page itself where a worker cannot start (the same file, loaded as a module script).
 *
 * Normalize and analyze requests wait in a queue and run one per task (a timer between them), so that a newer text
 * or a cancel that arrived while a job ran drops the requests it makes stale before they start (takeNext).
 */
import { colloquialWordTest, createFormalizer, createNormalizer, normalizeFormalizeAligned, type AlignedText, createPipeline, createSpellChecker, type FormalData, type Formalizer, type Normalizer, type Pipeline, type SpellChecker } from '../core/index.js';
import type { HalfSpaceModel } from '../core/normalize/halfspace-model.js';
import type { NormalizeOptions } from '../core/normalize/options.js';
import './components.js';
import { chooseComponents } from './engine.js';
import { requestKind, takeNext, type SentenceJSON, type WorkerReply, type WorkerRequest } from './protocol.js';
import { fetchData, fetchManifest, loadResources } from './resources.js';

/** where the engine runs: the base URL of the data (the worker's or the page's location) and how it answers */
export interface HostScope {
  href: string;
  post(message: WorkerReply): void;
}

interface Engine {
  normalizer: Normalizer;
  /** built on the first request that asks for the formal register (needs data/formal.json and data/lemma.bin) */
  formalizer?: Formalizer;
  /** scheme auto's word test (the formalizer's strong readings), memoized across the pipelines */
  colloquial?: (word: string) => boolean;
  resources: Record<string, unknown>;
  components: string[];
  pipelines: Map<string, { pipeline: Pipeline; components: string[] }>;
}

function pipelineFor(engine: Engine, options: NormalizeOptions | undefined): { pipeline: Pipeline; components: string[] } {
  const key = JSON.stringify(options ?? {});
  let p = engine.pipelines.get(key);
  if (p) return p;
  const opts = options ? { normalizer: options as Record<string, unknown> } : undefined;
  const components = engine.components.slice();
  for (;;) {
    try {
      // scheme auto (as the CLI): chat paragraphs get iPerUDT's splits and tags, when its data loaded
      // (and, as there, the formalizer's strong readings tell a short chat line without a marker: دنیاش قشنگه.)
      const scheme = engine.resources['mwtInformal'] !== undefined ? { scheme: 'auto' as const, colloquial: (engine.colloquial ??= colloquialWordTest(() => formalizerOf(engine))) } : {};
      p = { pipeline: createPipeline({ components, resources: engine.resources, ...(opts ? { options: opts } : {}), ...scheme }), components };
      break;
    } catch (e) {
      // a component that cannot be built is left out (bad options for the normalizer are reported, not hidden)
      if (components.length <= 2 || (e as { code?: string }).code === 'E_BAD_OPTION') throw e;
      components.pop();
    }
  }
  engine.pipelines.set(key, p);
  return p;
}

/** the formalizer, built on first use from the loaded data (undefined when formal.json or lemma.bin is missing) */
function formalizerOf(engine: Engine): Formalizer | undefined {
  const { formal, lemma } = engine.resources;
  if (formal === undefined || lemma === undefined) return undefined;
  engine.formalizer ??= createFormalizer({ formal: formal as FormalData, lemma: lemma as Uint8Array });
  return engine.formalizer;
}

function handle(engine: Engine, msg: WorkerRequest): WorkerReply {
  const start = performance.now();
  if (msg === null || typeof msg !== 'object') return { type: 'error', code: 'E_BAD_INPUT', message: 'expected { normalize: text }, { analyze: text } or { spell: text }' };
  if ('normalize' in msg) {
    const input = String(msg.normalize ?? '');
    let a: AlignedText;
    if (msg.formal) {
      const fz = formalizerOf(engine);
      if (!fz) throw Object.assign(new Error('the formal register needs data/formal.json and data/lemma.bin'), { code: 'E_RESOURCE_MISSING' });
      a = normalizeFormalizeAligned(fz, engine.normalizer, input, { normalize: msg.options });
    } else a = engine.normalizer.normalizeAligned(input, msg.options);
    return { type: 'normalized', id: msg.id, input, text: a.text, changes: a.changes(), ms: Math.round(performance.now() - start) };
  }
  if ('analyze' in msg) {
    const input = String(msg.analyze ?? '');
    let { pipeline, components } = pipelineFor(engine, msg.options);
    let doc;
    let warning: string | undefined;
    try {
      doc = pipeline.process(input);
    } catch (e) {
      if ((e as { code?: string }).code === 'E_BAD_OPTION') throw e;
      warning = `${components.slice(2).join(', ')}: ${(e as Error).message ?? String(e)}`;
      // an analysis component failed on this text: fall back to the tokens
      components = ['normalizer', 'tokenizer'];
      pipeline = createPipeline({ components, resources: engine.resources, ...(msg.options ? { options: { normalizer: msg.options as Record<string, unknown> } } : {}) });
      doc = pipeline.process(input);
    }
    const sentences: SentenceJSON[] = doc.toJSON().sentences;
    return { type: 'analyzed', id: msg.id, input, components, sentences, ...(warning ? { warning } : {}), ms: Math.round(performance.now() - start) };
  }
  return { type: 'error', id: (msg as { id?: number }).id, code: 'E_BAD_INPUT', message: 'expected { normalize: text }, { analyze: text } or { spell: text }' };
}

/**
 * Starts the engine (the data is fetched at once; `ready` is posted when it is loaded) and gives the function that
 * takes each request. Normalize and analyze requests sent before the data is loaded wait for it.
 */
export function startHost(scope: HostScope): (msg: unknown) => void {
  const t0 = performance.now();
  const ready: Promise<Engine> = loadResources(scope.href).then(({ resources, loaded, missing }) => {
    const engine: Engine = {
      normalizer: createNormalizer({ halfSpace: resources['halfspace'] as HalfSpaceModel | undefined }),
      resources,
      components: chooseComponents(resources),
      pipelines: new Map(),
    };
    let components = engine.components;
    try {
      components = pipelineFor(engine, undefined).components;
      engine.components = components;
    } catch {
      engine.components = ['normalizer', 'tokenizer'];
    }
    scope.post({ type: 'ready', components: engine.components, resources: loaded, missing, ms: Math.round(performance.now() - t0) });
    return engine;
  });

  let speller: Promise<SpellChecker> | undefined;

  /** The spelling checker, on data/spell.bin fetched on first use (a failed fetch is retried on the next request). */
  function spellChecker(): Promise<SpellChecker> {
    speller ??= (async () => {
      const base = scope.href;
      const manifest = await fetchManifest(base);
      const bytes = await fetchData(base, 'spell.bin', manifest?.files['spell.bin']?.sha256);
      // colloquial words in the formal register get their formal spelling (as the Node package does), when the
      // formalizer's data loaded
      const engine = await ready.catch(() => undefined);
      const fz = engine ? formalizerOf(engine) : undefined;
      return createSpellChecker(bytes, fz ? { formal: (w, end) => fz.colloquialWord(w, end), informal: (w) => fz.word(w) } : {});
    })();
    speller.catch(() => (speller = undefined));
    return speller;
  }

  function spell(msg: { id?: number; spell: string; register?: 'formal' | 'informal' }): void {
    const input = String(msg.spell ?? '');
    const register = msg.register === 'informal' ? 'informal' : 'formal';
    spellChecker().then(
      (checker) => {
        const start = performance.now();
        const issues = checker.check(input, { register }).map((i) => ({ start: i.start, end: i.end, text: i.text, kind: i.kind, suggestions: i.suggestions }));
        scope.post({ type: 'spelling', id: msg.id, input, issues, ms: Math.round(performance.now() - start) });
      },
      (err) => scope.post({ type: 'error', id: msg.id, code: 'E_RESOURCE_MISSING', message: `data/spell.bin: ${String((err as Error)?.message ?? err)}` }),
    );
  }

  // normalize and analyze requests (and anything else but spell): queued, one job per task
  let queue: unknown[] = [];
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    // a timer, not a microtask: the messages that came while a job ran are queued first, so takeNext sees them
    setTimeout(() => {
      scheduled = false;
      ready.then(runNext, (err) => {
        const q = queue;
        queue = [];
        for (const m of q) if (requestKind(m) !== 'cancel') scope.post({ type: 'error', id: (m as { id?: number })?.id, code: 'E_RESOURCE_MISSING', message: String(err) });
      });
    }, 0);
  };
  const runNext = (engine: Engine): void => {
    const { job, dropped, rest } = takeNext(queue);
    queue = rest;
    for (const id of dropped) scope.post({ type: 'cancelled', id });
    if (job !== undefined) {
      const msg = job as WorkerRequest;
      try {
        scope.post(handle(engine, msg));
      } catch (err) {
        const x = err as { code?: string; message?: string };
        scope.post({ type: 'error', id: (msg as { id?: number })?.id, code: x.code ?? 'E_INTERNAL', message: x.message ?? String(err) });
      }
    }
    schedule();
  };

  return (msg: unknown): void => {
    if (requestKind(msg) === 'spell') {
      spell(msg as { id?: number; spell: string; register?: 'formal' | 'informal' });
      return;
    }
    queue.push(msg);
    schedule();
  };
}
