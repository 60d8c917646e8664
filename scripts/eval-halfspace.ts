/**
 * Scores half-space restoration on text the model never saw: the `# text` lines of the PerDT and Seraji dev
 * treebanks (neither overlaps the train text the model learns from). Each line is turned into three inputs —
 * joined (every ZWNJ deleted), spaced (every ZWNJ replaced by a space), clean (unchanged) — normalized, and every gap
 * between two Arabic-script letters is compared with the gold line as none / ZWNJ / separator.
 *
 *   npm run eval                 # prints the table, writes bench/results/halfspace-eval.json
 *   MODEL=.tmp/halfspace-tune.bin TUNE=1 npm run eval   # score the tuning model on the held-out 5% of train text
 *   MODEL=.tmp/halfspace-tune-seraji0.3.bin TUNE=1 SERAJI_HOLDOUT=0.3 npm run eval   # the same with 30% of Seraji's
 *   MODEL=.tmp/halfspace-tune-perdt0.3.bin TUNE=1 PERDT_HOLDOUT=0.3 npm run eval   # the same with 30% of PerDT's
 *   SHOW=joined npm run eval     # also print wrong lines of one condition
 *
 * Informal text: the blog text of iPerUDT cannot serve as gold for every gap (its writers often leave ZWNJs out:
 * میکنه, سالها), but its tags can: every token that starts with می/نمی (after a preverb, too) is written glued and
 * normalized alone; a verb (UPOS VERB/AUX) must come out with a ZWNJ after the prefix, any other word without one.
 * The forms of آمدن and آوردن after می with آ written ا (میام, میاد, میاره), and of اومد / اوفت with the ا dropped
 * (میومد, میوفتم), are left out: chat writes them glued, as the step does (GLUED_AFTER_MI).
 * Likewise every token whose text ends in chat's plural + clitics (ها + م ت ش مون تون شون, + و / رو) is written glued
 * and normalized alone: one whose first word is a plural noun, adjective, name, number or pronoun in ها (the treebank's
 * multi-word token: کتابهامو = کتابها + م + و) must come out as stem‌ها... after a joining letter and whole after another
 * (تنها + م is left out: a word of its own), any other (باهاش, خونه‌ات) with no ZWNJ before its ها. And every token
 * ending in ه + a clitic (م ت ش مون تون شون, + و / رو): one the treebank splits into a word in ه (three letters at least,
 * not اه or الله) + that clitic (همهشون = همه + شون) must come out as همه‌شون; any other must get no ZWNJ after an ه.
 * Both kinds are also typed apart (کتاب هامو, همه شون; stems ending in a joining letter) and must be joined so. Last,
 * the ZWNJs the bloggers did write are gold where they stand: every token written with one is normalized
 * with its ZWNJs deleted and must come back exactly (a recall figure: a ZWNJ they left out cannot be scored).
 * iPerUDT train was used to develop these rules; iPerUDT dev is the validation figure.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createNormalizer } from '../src/core/normalize/index.js';
import { HalfSpaceModel } from '../src/core/normalize/halfspace-model.js';
import { GLUED_AFTER_MI } from '../src/core/normalize/halfspace.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { canon, conlluTexts, haveShared, readShared, ROOT } from './lib/corpus.js';
import { newScore, prf, scoreLine, type GapScore } from './lib/gaps.js';
import { trainingLinesForTune } from './lib/tune.js';

if (!haveShared()) {
  console.log('SKIP eval: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const modelPath = process.env.MODEL ?? `${ROOT}data/halfspace.bin`;
const model = HalfSpaceModel.fromBytes(readFileSync(modelPath));
const nz = createNormalizer({ halfSpace: model });
const show = process.env.SHOW;

const sets: [string, string[]][] = process.env.TUNE
  ? [[process.env.SERAJI_HOLDOUT || process.env.PERDT_HOLDOUT ? `tune (${100 * Number(process.env.PERDT_HOLDOUT ?? 0.05)}% of PerDT, ${100 * Number(process.env.SERAJI_HOLDOUT ?? 0.05)}% of Seraji train text)` : 'tune (5% of train text)', trainingLinesForTune()]]
  : [
      ['PerDT dev', conlluTexts('ud/fa_perdt-ud-dev.conllu')],
      ['Seraji dev', conlluTexts('ud/fa_seraji-ud-dev.conllu')],
    ];
const Z = /\u200c/g;
const results: Record<string, Record<string, GapScore & ReturnType<typeof prf>>> = {};
const opts = { digits: 'keep', punctuation: 'keep' } as const;
for (const [name, lines] of sets) {
  results[name] = {};
  const golds = lines.map(canon);
  const conds: [string, (s: string) => string][] = [
    ['joined', (s) => s.replace(Z, '')],
    ['spaced', (s) => s.replace(Z, ' ')],
    ['clean', (s) => s],
  ];
  for (const [cond, corrupt] of conds) {
    const sc = newScore();
    for (const gold of golds) {
      const out = canon(nz.normalize(corrupt(gold), opts));
      const before = sc.fp + sc.fn + sc.wrongJoins;
      scoreLine(sc, gold, out);
      if (show === cond && sc.fp + sc.fn + sc.wrongJoins > before) console.log(`- ${gold}\n+ ${out}`);
    }
    results[name][cond] = { ...sc, ...prf(sc) };
  }
}
const pct = (x: number): string => (100 * x).toFixed(2);
console.log('| set | input | P | R | F1 | wrong joins / boundaries | skipped lines |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, r] of Object.entries(results)) {
  for (const [cond, s] of Object.entries(r)) {
    console.log(
      `| ${name} | ${cond} | ${pct(s.precision)} | ${pct(s.recall)} | **${pct(s.f1)}** | ${s.wrongJoins} / ${s.boundaries} (${pct(s.wrongJoins / Math.max(1, s.boundaries))}%) | ${s.skippedLines} |`,
    );
  }
}

/** chat's plural ها + clitics and / or رو at the end of a token; a stem ending in a joining letter */
const TAIL = /ها(?:شون|تون|مون|ش|ت|م)?(?:و|رو)?$/;
const JOINS = /[بپتثجچحخسشصضطظعغفقکگلمنهیئ]$/;

// informal verbs after می/نمی (see the header)
const informal: Record<
  string,
  { verbs: number; verbsSplit: number; others: number; othersSplit: number; plurals: number; pluralsRight: number; nonPlurals: number; nonPluralsSplit: number; hosts: number; hostsRight: number; nonHosts: number; nonHostsSplit: number; written: number; writtenRestored: number; spaced: number; spacedJoined: number }
> = {};
if (!process.env.TUNE) {
  const PRE = /^(?:بر|در|فرو|فرا|وا|ور|باز)?(?:نمی|می)/;
  const H_CLITIC = /ه(?:مون|تون|شون|م|ت|ش)(?:و|رو)?$/;
  const CLITICS = new Set(['م', 'ت', 'ش', 'مون', 'تون', 'شون']);
  for (const [name, file] of [
    ['iPerUDT train (development)', 'ud/iPerUDT_train.conllu'],
    ['iPerUDT dev', 'ud/iPerUDT_dev.conllu'],
  ] as const) {
    const r = { verbs: 0, verbsSplit: 0, others: 0, othersSplit: 0, plurals: 0, pluralsRight: 0, nonPlurals: 0, nonPluralsSplit: 0, hosts: 0, hostsRight: 0, nonHosts: 0, nonHostsSplit: 0, written: 0, writtenRestored: 0, spaced: 0, spacedJoined: 0 };
    for (const t of readConllu(readShared(file)).tokens) {
      const g = canon(t.text);
      const j = g.replace(Z, '');
      // the token written glued, normalized alone (every test below reads it)
      const out = nz.normalize(j, opts);
      if (j !== g) {
        r.written++;
        if (canon(out) === g) r.writtenRestored++;
      }
      const m = PRE.exec(j);
      if (m && j.length > m[0].length + 1 && !GLUED_AFTER_MI.has(j.slice(m[0].length))) {
        const split = out.length > m[0].length && out.charCodeAt(m[0].length) === 0x200c && out.startsWith(m[0]);
        if (t.words.some((w) => w.upos === 'VERB' || w.upos === 'AUX')) {
          r.verbs++;
          if (split) r.verbsSplit++;
          else if (show === 'informal') console.log(`verb left glued: ${j} → ${out}`);
        } else {
          r.others++;
          if (split) r.othersSplit++;
          if (split && show === 'informal') console.log(`non-verb split: ${j} → ${out}`);
        }
      }
      if (H_CLITIC.test(j)) {
        const ws = t.words.map((w) => canon(w.form).replace(Z, ''));
        const host = ws[0]!;
        if (ws.length >= 2 && host.length >= 3 && host.endsWith('ه') && !/اه$|لله$/.test(host) && CLITICS.has(ws[1]!)) {
          r.hosts++;
          if (out === host + '\u200c' + j.slice(host.length)) r.hostsRight++;
          else if (show === 'informal') console.log(`word in ه + clitic wrong: ${j} → ${out}`);
          // typed apart: همه شون
          r.spaced++;
          const sp = nz.normalize(host + ' ' + j.slice(host.length), opts);
          if (sp === host + '\u200c' + j.slice(host.length)) r.spacedJoined++;
          else if (show === 'informal') console.log(`word in ه + clitic typed apart: ${host} ${j.slice(host.length)} → ${sp}`);
        } else {
          r.nonHosts++;
          if (out !== j && out.includes('ه\u200c')) {
            r.nonHostsSplit++;
            if (show === 'informal') console.log(`not a word in ه + clitic, split: ${j} → ${out}`);
          }
        }
      }
      const p = TAIL.exec(j);
      if (p && p[0] !== 'ها' && j.length >= p[0].length + 2) {
        const stem = j.slice(0, j.length - p[0].length);
        if (stem === 'تن') continue;
        const w0 = t.words[0]!;
        const plural = t.words.length >= 2 && ['NOUN', 'ADJ', 'PROPN', 'NUM', 'PRON'].includes(w0.upos ?? '') && canon(w0.form).replace(Z, '') === stem + 'ها';
        if (plural) {
          r.plurals++;
          if (out === (JOINS.test(stem) ? stem + '\u200c' + j.slice(stem.length) : j)) r.pluralsRight++;
          else if (show === 'informal') console.log(`plural + clitic wrong: ${j} → ${out}`);
          if (JOINS.test(stem)) {
            // typed apart: کتاب هامو
            r.spaced++;
            const sp = nz.normalize(stem + ' ' + j.slice(stem.length), opts);
            if (sp === stem + '\u200c' + j.slice(stem.length)) r.spacedJoined++;
            else if (show === 'informal') console.log(`plural + clitic typed apart: ${stem} ${j.slice(stem.length)} → ${sp}`);
          }
        } else {
          r.nonPlurals++;
          if (out.startsWith(stem + '\u200cها')) {
            r.nonPluralsSplit++;
            if (show === 'informal') console.log(`not a plural, split: ${j} → ${out}`);
          }
        }
      }
    }
    informal[name] = r;
  }
  console.log(
    '\n| informal text | verbs in می/نمی given their ZWNJ | other words in می given one (wrong) | plurals + clitics right | other words in ها + clitic given a ZWNJ (wrong) | words in ه + clitic right | others given a ZWNJ after ه (wrong) | tokens the writer wrote with a ZWNJ restored | the same two typed apart, joined |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(informal)) {
    console.log(
      `| ${name} | **${pct(r.verbsSplit / Math.max(1, r.verbs))}** (${r.verbsSplit} / ${r.verbs}) | ${r.othersSplit} / ${r.others} | **${r.pluralsRight} / ${r.plurals}** | ${r.nonPluralsSplit} / ${r.nonPlurals} | **${r.hostsRight} / ${r.hosts}** | ${r.nonHostsSplit} / ${r.nonHosts} | **${pct(r.writtenRestored / Math.max(1, r.written))}** (${r.writtenRestored} / ${r.written}) | **${r.spacedJoined} / ${r.spaced}** |`,
    );
  }
}

// The same in whole sentences: every ZWNJ of the sentence deleted (and, second, every می/نمی typed apart from its
// word), the sentence normalized as one line, so the line's register counts (the chat rules that read it: میرم →
// می‌رم in a colloquial line only). A verb token in می/نمی must come out with its ZWNJ, a plural + clitics token as in
// the table above.
const inSentences: Record<string, { verbs: number; verbsRight: number; apart: number; apartJoined: number; others: number; othersSplit: number; plurals: number; pluralsRight: number }> = {};
if (!process.env.TUNE) {
  const PRE = /^(?:نمی|می)/;
  for (const [name, file] of [
    ['iPerUDT train (development)', 'ud/iPerUDT_train.conllu'],
    ['iPerUDT dev', 'ud/iPerUDT_dev.conllu'],
  ] as const) {
    const r = { verbs: 0, verbsRight: 0, apart: 0, apartJoined: 0, others: 0, othersSplit: 0, plurals: 0, pluralsRight: 0 };
    for (const s of readConllu(readShared(file)).sentences) {
      const glued = s.tokens.map((t) => canon(t.text).replace(Z, ''));
      const line = (parts: string[]): string => parts.map((p, i) => p + (s.tokens[i]!.spaceAfter ? ' ' : '')).join('');
      const out = ' ' + nz.normalize(line(glued), opts).replace(/[.,،!؟?:؛«»()]/g, ' ') + ' ';
      const apart = glued.map((j) => {
        const m = PRE.exec(j);
        return m && j.length > m[0].length + 1 ? m[0] + ' ' + j.slice(m[0].length) : j;
      });
      const outApart = ' ' + nz.normalize(line(apart), opts).replace(/[.,،!؟?:؛«»()]/g, ' ') + ' ';
      s.tokens.forEach((t, k) => {
        const j = glued[k]!;
        const m = PRE.exec(j);
        if (m && j.length > m[0].length + 1 && !GLUED_AFTER_MI.has(j.slice(m[0].length))) {
          const want = ' ' + m[0] + '\u200c' + j.slice(m[0].length) + ' ';
          if (t.words.some((w) => w.upos === 'VERB' || w.upos === 'AUX')) {
            r.verbs++;
            if (out.includes(want)) r.verbsRight++;
            r.apart++;
            if (outApart.includes(want)) r.apartJoined++;
          } else {
            r.others++;
            if (out.includes(want)) r.othersSplit++;
          }
        }
        const p = TAIL.exec(j);
        if (p && p[0] !== 'ها' && j.length >= p[0].length + 2) {
          const stem = j.slice(0, j.length - p[0].length);
          const w0 = t.words[0]!;
          if (stem !== 'تن' && t.words.length >= 2 && ['NOUN', 'ADJ', 'PROPN', 'NUM', 'PRON'].includes(w0.upos ?? '') && canon(w0.form).replace(Z, '') === stem + 'ها') {
            r.plurals++;
            if (out.includes(' ' + (JOINS.test(stem) ? stem + '\u200c' + j.slice(stem.length) : j) + ' ')) r.pluralsRight++;
          }
        }
      });
    }
    inSentences[name] = r;
  }
  console.log('\n| informal text, whole sentences | verbs in می/نمی given their ZWNJ | the same typed apart, joined | other words in می given one (wrong) | plurals + clitics right |');
  console.log('|---|---|---|---|---|');
  for (const [name, r] of Object.entries(inSentences)) {
    console.log(
      `| ${name} | **${pct(r.verbsRight / Math.max(1, r.verbs))}** (${r.verbsRight} / ${r.verbs}) | **${pct(r.apartJoined / Math.max(1, r.apart))}** (${r.apartJoined} / ${r.apart}) | ${r.othersSplit} / ${r.others} | **${r.pluralsRight} / ${r.plurals}** |`,
    );
  }
}
if (process.env.EVAL_OUT === '-') console.log('JSON:' + JSON.stringify({ ...results, informalVerbs: informal, informalSentences: inSentences }));
else if (!process.env.TUNE && !process.env.MODEL) {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/halfspace-eval.json`, JSON.stringify({ ...results, informalVerbs: informal, informalSentences: inSentences }, null, 2) + '\n');
}
