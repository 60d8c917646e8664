import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc, Sentence, Token, Word } from '../doc.js';
import { readConllu } from '../formats/conllu.js';
import { phrasesOf, type Phrase } from './index.js';

/** A one-sentence CoNLL-U from rows of [form, lemma, upos, head, deprel]. */
function conllu(rows: [string, string, string, number, string][]): string {
  const text = rows.map((r) => r[0]).join(' ');
  return `# text = ${text}\n` + rows.map((r, i) => [i + 1, r[0], r[1], r[2], '_', '_', r[3], r[4], '_', '_'].join('\t')).join('\n') + '\n\n';
}

const show = (ps: Phrase[]): string[] => ps.map((p) => `${p.type} ${p.text}${p.type === 'VP' ? ` (${p.lemma})` : ''}`);

// Trees written as PerDT annotates them (UD relations), each row with the reason it is there.
const CASES: { why: string; rows: [string, string, string, number, string][]; want: string[] }[] = [
  {
    why: 'an ezafe chain with an adjective and a name is one NP; the preposition stays out; a light verb with its auxiliaries is one VP with the compound lemma',
    rows: [
      ['دانشجویان', 'دانشجو', 'NOUN', 7, 'nsubj'],
      ['دانشگاه', 'دانشگاه', 'NOUN', 1, 'nmod'],
      ['تهران', 'تهران', 'PROPN', 2, 'nmod'],
      ['از', 'از', 'ADP', 5, 'case'],
      ['روش', 'روش', 'NOUN', 7, 'obl:arg'],
      ['استفاده', 'استفاده', 'NOUN', 7, 'compound:lvc'],
      ['کردند', 'کرد', 'VERB', 0, 'root'],
    ],
    want: ['NP دانشجویان دانشگاه تهران', 'NP روش', 'VP استفاده کردند (استفاده کرد)'],
  },
  {
    why: 'a determiner and a number belong to the NP; را (case) does not; an auxiliary joins the verb',
    rows: [
      ['این', 'این', 'DET', 3, 'det'],
      ['سه', 'سه', 'NUM', 3, 'nummod'],
      ['کتاب', 'کتاب', 'NOUN', 6, 'obj'],
      ['را', 'را', 'ADP', 3, 'case'],
      ['خواهم', 'خواست', 'AUX', 6, 'aux'],
      ['خرید', 'خرید', 'VERB', 0, 'root'],
    ],
    want: ['NP این سه کتاب', 'VP خواهم خرید (خرید)'],
  },
  {
    why: "a number's own parts (flat:num, as the treebanks join سه هزار و پانصد) stay in its NP: the NP was cut into [NP سه] [NP هزار] [NP پانصد] [NP نفر]",
    rows: [
      ['سه', 'سه', 'NUM', 5, 'nummod'],
      ['هزار', 'هزار', 'NUM', 1, 'flat:num'],
      ['و', 'و', 'CCONJ', 4, 'cc'],
      ['پانصد', 'پانصد', 'NUM', 1, 'flat:num'],
      ['نفر', 'نفر', 'NOUN', 6, 'nsubj'],
      ['آمدند', 'آمد', 'VERB', 0, 'root'],
    ],
    want: ['NP سه هزار و پانصد نفر', 'VP آمدند (آمد)'],
  },
  {
    why: "a number in letters and its conjunct after و (an ordinal here) are one number, as the treebanks make یکم a conj of بیست (iPerUDT: بیست و یکم فروردین): the date was cut into [NP بیست] [NP خرداد]",
    rows: [
      ['در', 'در', 'ADP', 5, 'case'],
      ['بیست', 'بیست', 'NUM', 5, 'nummod'],
      ['و', 'و', 'CCONJ', 4, 'cc'],
      ['یکم', 'یکم', 'ADJ', 2, 'conj'],
      ['خرداد', 'خرداد', 'PROPN', 6, 'obl'],
      ['آمد', 'آمد', 'VERB', 0, 'root'],
    ],
    want: ['NP بیست و یکم خرداد', 'VP آمد (آمد)'],
  },
  {
    why: 'trap: after a number in digits, a conjunct is a second number (مواد ۴۲۱ و ۵۲۱, Seraji train): two NPs, as before',
    rows: [
      ['مواد', 'ماده', 'NOUN', 5, 'obj'],
      ['۴۲۱', '۴۲۱', 'NUM', 1, 'nmod'],
      ['و', 'و', 'CCONJ', 4, 'cc'],
      ['۵۲۱', '۵۲۱', 'NUM', 2, 'conj'],
      ['خواند', 'خواند', 'VERB', 0, 'root'],
    ],
    want: ['NP مواد ۴۲۱', 'NP ۵۲۱', 'VP خواند (خواند)'],
  },
  {
    why: 'a percent sign right after a number stays in its NP (the treebanks tag % PUNCT, and punctuation is left out: ۲۵٪ آن had lost its ٪)',
    rows: [
      ['۲۵', '۲۵', 'NUM', 5, 'nsubj'],
      ['٪', '٪', 'PUNCT', 1, 'punct'],
      ['آن', 'آن', 'PRON', 1, 'nmod'],
      ['پرداخت', 'پرداخت', 'NOUN', 5, 'compound:lvc'],
      ['شد', 'شد', 'VERB', 0, 'root'],
    ],
    want: ['NP ۲۵ ٪ آن', 'VP پرداخت شد (پرداخت شد)'],
  },
  {
    why: 'an emoji or a sign hung from a noun (nmod) is no part of its NP: [NP همه 😀] had taken the emoji in',
    rows: [
      ['سلام', 'سلام', 'NOUN', 0, 'root'],
      ['به', 'به', 'ADP', 3, 'case'],
      ['همه', 'همه', 'NOUN', 1, 'nmod'],
      ['😀', '😀', 'SYM', 3, 'nmod'],
      ['|', '|', 'SYM', 3, 'nmod'],
    ],
    want: ['NP سلام', 'NP همه'],
  },
  {
    why: 'a modifier with a preposition of its own is a PP, not part of the NP (two NPs); conjuncts are NPs of their own',
    rows: [
      ['سفر', 'سفر', 'NOUN', 7, 'nsubj'],
      ['به', 'به', 'ADP', 3, 'case'],
      ['ایران', 'ایران', 'PROPN', 1, 'nmod'],
      ['و', 'و', 'CCONJ', 5, 'cc'],
      ['عراق', 'عراق', 'PROPN', 3, 'conj'],
      ['لغو', 'لغو', 'NOUN', 7, 'compound:lvc'],
      ['شد', 'شد', 'VERB', 0, 'root'],
    ],
    want: ['NP سفر', 'NP ایران', 'NP عراق', 'VP لغو شد (لغو شد)'],
  },
  {
    why: 'a relative clause inside the NP cuts it: the NP is the unbroken stretch around its head',
    rows: [
      ['مرد', 'مرد', 'NOUN', 5, 'nsubj'],
      ['پیری', 'پیر', 'ADJ', 1, 'amod'],
      ['که', 'که', 'SCONJ', 4, 'mark'],
      ['آمد', 'آمد', 'VERB', 1, 'acl'],
      ['دوست', 'دوست', 'NOUN', 0, 'root'],
      ['پدرم', 'پدر', 'NOUN', 5, 'nmod'],
      ['بود', 'بود', 'AUX', 5, 'cop'],
    ],
    want: ['NP مرد پیری', 'VP آمد (آمد)', 'NP دوست پدرم', 'VP بود (بود)'],
  },
  {
    why: 'a noun cut off from its head by a clause between them heads a phrase of its own',
    rows: [
      ['کتاب', 'کتاب', 'NOUN', 0, 'root'],
      ['که', 'که', 'SCONJ', 3, 'mark'],
      ['خریدم', 'خرید', 'VERB', 1, 'acl'],
      ['دانشگاه', 'دانشگاه', 'NOUN', 1, 'nmod'],
    ],
    want: ['NP کتاب', 'VP خریدم (خرید)', 'NP دانشگاه'],
  },
  {
    why: "a nominal predicate's copula and auxiliary are its verb group; the predicate noun with its adjective is an NP",
    rows: [
      ['او', 'او', 'PRON', 3, 'nsubj'],
      ['معلم', 'معلم', 'NOUN', 0, 'root'],
      ['خوبی', 'خوب', 'ADJ', 2, 'amod'],
      ['خواهد', 'خواست', 'AUX', 2, 'aux'],
      ['بود', 'بود', 'AUX', 2, 'cop'],
    ],
    want: ['NP او', 'NP معلم خوبی', 'VP خواهد بود (بود)'],
  },
  {
    why: "a light verb's words need not be adjacent: the VP has two pieces; the light verb's noun is no NP",
    rows: [
      ['کمک', 'کمک', 'NOUN', 3, 'compound:lvc'],
      ['زیادی', 'زیاد', 'ADJ', 1, 'amod'],
      ['کرد', 'کرد', 'VERB', 0, 'root'],
    ],
    want: ['VP کمک زیادی کرد (کمک کرد)'],
  },
  {
    why: 'an infinitive with a light-verb part is a verb group, and its ezafe complement an NP',
    rows: [
      ['قرار', 'قرار', 'NOUN', 2, 'compound:lvc'],
      ['گرفتن', 'گرفتن', 'NOUN', 0, 'root'],
      ['جان', 'جان', 'NOUN', 2, 'nmod'],
      ['مردم', 'مردم', 'NOUN', 3, 'nmod'],
    ],
    want: ['VP قرار گرفتن (قرار گرفتن)', 'NP جان مردم'],
  },
];

describe('phrasesOf: trees as the treebanks annotate them', () => {
  for (const c of CASES) {
    it(c.why, () => {
      const doc = readConllu(conllu(c.rows));
      expect(show(phrasesOf(doc))).toEqual(c.want);
    });
  }

  it('a verb group whose words are apart has one piece per stretch', () => {
    const doc = readConllu(conllu(CASES.find((c) => c.why.startsWith("a light verb's words"))!.rows));
    const [vp] = phrasesOf(doc);
    expect(vp!.pieces.map((p) => doc.text.slice(p.start, p.end))).toEqual(['کمک', 'کرد']);
    expect(vp!.words).toEqual([1, 3]);
  });

  it('types: only the kinds asked for; an unknown kind is E_BAD_OPTION', () => {
    const doc = readConllu(conllu(CASES[0]!.rows));
    expect(phrasesOf(doc, { types: ['VP'] }).map((p) => p.type)).toEqual(['VP']);
    expect(phrasesOf(doc, { types: [] })).toEqual([]);
    expect(() => phrasesOf(doc, { types: ['PP' as 'NP'] })).toThrow(/E_BAD_OPTION/);
  });

  it('a document without a parse is E_REQUIREMENT_UNMET, saying to run the parser', () => {
    const doc = readConllu(conllu(CASES[0]!.rows));
    doc.words[2]!.head = undefined;
    expect(() => phrasesOf(doc)).toThrow(/E_REQUIREMENT_UNMET.*parser/);
  });

  // [gap between خرد and کزین, phrases, reason]
  const gaps: [string, string[], string][] = [
    ['\t', ['NP خرد', 'NP کزین برتر'], 'a tab is layout (a poem\'s two hemistichs, a table\'s cells): no phrase crosses it (it was NP خرد<tab>کزین برتر)'],
    ['    ', ['NP خرد', 'NP کزین برتر'], 'so is a run of spaces'],
    [' ', ['NP خرد کزین برتر'], 'one space joins as the parse says'],
  ];
  it.each(gaps)('gap %j: %j (%s)', (gap, want) => {
    const forms: [string, string, string, number, string][] = [['خرد', 'خرد', 'NOUN', 0, 'root'], ['کزین', 'کزین', 'NOUN', 1, 'nmod'], ['برتر', 'برتر', 'ADJ', 2, 'amod']];
    const text = 'خرد' + gap + 'کزین برتر';
    let at = 0;
    const tokens = forms.map((f, i) => {
      const start = text.indexOf(f[0], at);
      at = start + f[0].length;
      return new Token(start, at, f[0], f[0], [new Word(i + 1, { form: f[0], lemma: f[1], upos: f[2], head: f[3], deprel: f[4] })], i < 2 && text[at] !== ' ', i + 1);
    });
    const doc = new Doc(text, [new Sentence(0, text.length, text, tokens, '1')]);
    expect(show(phrasesOf(doc))).toEqual(want);
  });

  it('offsets are into the original text: a phrase inside a multi-word token spans its token', () => {
    const text = 'کتابش را خواند';
    const words = (forms: [string, string, string, number, string][], start: number): Word[] => forms.map((f, i) => new Word(start + i, { form: f[0], lemma: f[1], upos: f[2], head: f[3], deprel: f[4] }));
    const t1 = new Token(0, 5, 'کتابش', 'کتابش', words([['کتاب', 'کتاب', 'NOUN', 4, 'obj'], ['ش', 'او', 'PRON', 1, 'nmod:poss']], 1), true, 1);
    const t2 = new Token(6, 8, 'را', 'را', words([['را', 'را', 'ADP', 1, 'case']], 3), true, 3);
    const t3 = new Token(9, 14, 'خواند', 'خواند', words([['خواند', 'خواند', 'VERB', 0, 'root']], 4), false, 4);
    const doc = new Doc(text, [new Sentence(0, 14, text, [t1, t2, t3], '1')]);
    expect(show(phrasesOf(doc))).toEqual(['NP کتابش', 'VP خواند (خواند)']);
  });

  // [token text, its words (form, lemma, UPOS, head, deprel), the phrases' texts, reason]
  const inToken: [string, [string, string, string, number, string][], string[], string][] = [
    ['خوشحالند.', [['خوشحال', 'خوشحال', 'ADJ', 2, 'xcomp'], ['ند', 'هست', 'VERB', 0, 'root'], ['.', '.', 'PUNCT', 2, 'punct']], ['VP ند (هست)'], 'a phrase holds no word of its token that it does not hold: a glued full stop, PerDT\'s last word of the token (the VP was «خوشحالند.»)'],
    ['یکدیگرند', [['یکدیگر', 'یکدیگر', 'PRON', 2, 'nsubj'], ['ند', 'هست', 'VERB', 0, 'root']], ['NP یکدیگر', 'VP ند (هست)'], 'the NP ends before the copula of its token, the VP after it starts there: they no longer overlap (the NP was «یکدیگرند»)'],
    ['کتابهاش', [['کتاب‌ها', 'کتاب', 'NOUN', 0, 'root'], ['ش', 'او', 'PRON', 1, 'nmod:poss']], ['NP کتابهاش'], 'a token written otherwise than its words (a ZWNJ the normalizer added) is kept whole'],
  ];
  it.each(inToken)('%s: %j (%s)', (text, forms, want) => {
    const words = forms.map((f, i) => new Word(i + 1, { form: f[0], lemma: f[1], upos: f[2], head: f[3], deprel: f[4] }));
    const doc = new Doc(text, [new Sentence(0, text.length, text, [new Token(0, text.length, text, text, words, false, 1)], '1')]);
    expect(show(phrasesOf(doc))).toEqual(want);
  });
});

const RELS = ['nsubj', 'obj', 'obl', 'nmod', 'nmod:poss', 'amod', 'det', 'nummod', 'flat', 'compound', 'compound:lvc', 'compound:prt', 'fixed', 'case', 'cc', 'conj', 'acl', 'aux', 'aux:pass', 'cop', 'punct', 'root', 'dep'];
const UPOS = ['NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'ADP', 'VERB', 'AUX', 'DET', 'CCONJ', 'PUNCT', 'ADV'];

describe('phrasesOf: properties on any tree, even a broken one', () => {
  it('never throws; words are in the sentence, ascending; NPs are unbroken and never overlap; offsets slice the text', () => {
    const row = fc.tuple(fc.constantFrom(...UPOS), fc.nat(40), fc.constantFrom(...RELS));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const n = rows.length;
        const doc = readConllu(conllu(rows.map(([u, h, r], i) => [`w${i}`, `w${i}`, u, h % (n + 2), r])));
        const ps = phrasesOf(doc);
        const npWords = new Set<number>();
        for (const p of ps) {
          expect(p.words.length).toBeGreaterThan(0);
          for (let i = 0; i < p.words.length; i++) {
            expect(p.words[i]).toBeGreaterThanOrEqual(1);
            expect(p.words[i]).toBeLessThanOrEqual(n);
            if (i) expect(p.words[i]!).toBeGreaterThan(p.words[i - 1]!);
          }
          if (p.type === 'NP') expect(p.words).toContain(p.head);
          expect(doc.text.slice(p.start, p.end)).toBe(p.text);
          for (const piece of p.pieces) {
            expect(piece.start).toBeGreaterThanOrEqual(p.start);
            expect(piece.end).toBeLessThanOrEqual(p.end);
          }
          if (p.type === 'NP') {
            expect(p.words[p.words.length - 1]! - p.words[0]! + 1).toBe(p.words.length);
            for (const w of p.words) {
              expect(npWords.has(w)).toBe(false);
              npWords.add(w);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('phrasesOf: pathological trees finish (linear-time paths)', () => {
  it('a chain of 60,000 nouns, each an ezafe modifier of the one before, cut into 20,000 phrases by words between them', () => {
    // (each head walked its whole subtree to find the words inside its phrase, though only the words around it can be:
    // quadratic where a long chain of nouns is broken into many phrases — a sentence of 16,000 number words, as the
    // parser reads «بیست و سه هزار کتاب» repeated, took 1.6 s; this tree, over a minute)
    const rows: [string, string, string, number, string][] = [];
    for (let k = 0; k < 20_000; k++) {
      const noun = rows.length + 1;
      rows.push(['کتاب', 'کتاب', 'NOUN', k ? noun - 3 : 0, k ? 'nmod' : 'root']);
      rows.push(['خوب', 'خوب', 'ADJ', noun, 'amod']);
      rows.push(['و', 'و', 'CCONJ', noun, 'cc']);
    }
    const ps = phrasesOf(readConllu(conllu(rows)));
    expect(ps.length).toBe(20_000);
    expect(ps.every((p) => p.type === 'NP' && p.text === 'کتاب خوب' && p.words[1] === p.head + 1)).toBe(true);
  });
});
