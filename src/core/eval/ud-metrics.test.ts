import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConllu } from '../formats/conllu.js';
import { evaluate, formatScores, UD_METRICS, type UdMetric, type UdScores, type UdScoresOk } from './ud-metrics.js';

const MINI = readFileSync(new URL('../../../test/fixtures/mini.conllu', import.meta.url), 'utf8');

/** CoNLL-U from rows of 10 columns given as space-free strings separated by single spaces. */
function conllu(...sentences: [text: string, rows: string[]][]): string {
  return sentences
    .map(([text, rows], i) => [`# sent_id = ${i + 1}`, `# text = ${text}`, ...rows.map((r) => r.split(' ').join('\t')), ''].join('\n'))
    .join('\n') + '\n';
}

function ok(s: UdScores): UdScoresOk {
  if (!s.ok) throw new Error(s.error);
  return s;
}

describe('identical inputs', () => {
  it('score 100 on every metric (string and Doc inputs)', () => {
    for (const sys of [MINI, readConllu(MINI)]) {
      const r = ok(evaluate(MINI, sys));
      for (const m of UD_METRICS) {
        const s = r.metrics[m];
        expect([m, s.precision, s.recall, s.f1]).toEqual([m, 1, 1, 1]);
        if (s.alignedAccuracy !== null) expect([m, s.alignedAccuracy]).toEqual([m, 1]);
      }
      expect(r.metrics.Words.goldTotal).toBe(14); // 7 + 7 words; the empty node 5.1 is skipped
      expect(r.metrics.Tokens.goldTotal).toBe(13); // the MWT 3-4 is one token
      expect(r.warnings).toEqual([]);
    }
  });
});

/*
 * Gold: two sentences.
 *   S1 "دیگر من اختیارش را ندارم."  tokens دیگر | من | اختیارش (MWT = اختیار + ش) | را | ندارم | .   (7 words)
 *   S2 "علی کتاب را خرید."          tokens علی | کتاب | را | خرید | .                              (5 words)
 *   Gold: 11 tokens, 12 words, 2 sentences.
 *
 * System: ONE sentence (S1 and S2 merged), 10 tokens = 10 words:
 *   - "ندارم." is one token (gold splits it into ندارم + .)            → a different token split
 *   - "اختیارش" is one word (gold MWT اختیار + ش)                      → a missed MWT
 *   - کتاب has UPOS PROPN (gold NOUN)                                  → a wrong UPOS
 *   - S2 را is attached to علی (gold: to کتاب)                          → a wrong head
 *   - the root is خرید; ندارم. hangs from it as parataxis
 *   - علی is nsubj:pass (gold nsubj): right for LAS, wrong for LASfull
 *   - من has feats in another order plus Typo=Yes (not universal): UFeats still equal
 *   - خرید has lemma خرید (gold خرید#خر): wrong lemma
 *   - S2 "." has lemma x while the gold lemma is "_": counted as right
 *
 * Tokens: system tokens matching a gold span: دیگر من اختیارش را (S1) + all 5 of S2 = 9.
 *   P = 9/10, R = 9/11, F1 = 18/21.
 * Sentences: the one system span starts with S1 but ends at the end of S2 → 0 correct. P = R = F1 = 0.
 * Words: aligned pairs: دیگر, من, را | علی, کتاب, را, خرید, . = 8. اختیارش vs اختیار+ش share no form (LCS 0);
 *   "ندارم." matches neither ندارم nor "." by span. P = 8/10, R = 8/12, F1 = 16/22.
 * UPOS: 7 of the 8 aligned (کتاب wrong) → F1 = 14/22, AlignedAcc = 7/8.   XPOS: 8 → 16/22, 8/8.
 * UFeats: 8 → 16/22.   AllTags: 7 (کتاب) → 14/22.   Lemmas: 7 (خرید) → 14/22, 7/8.
 * UAS: دیگر and من point to "ندارم." (not aligned), S1 را to اختیارش (not aligned), S2 را to علی: wrong;
 *   علی, کتاب, خرید (root), "." right → 4. P = 4/10, R = 4/12, F1 = 8/22, AlignedAcc = 4/8.
 * LAS: the same 4 (nsubj:pass → nsubj) → 8/22.   LASfull: علی wrong → 3 → 6/22, 3/8.
 * CLAS (content deprels): gold content words: دیگر من اختیار ش(nmod) ندارم علی کتاب خرید = 8;
 *   system content words: دیگر من اختیارش ندارم.(parataxis) علی کتاب خرید = 7 (را: case, ".": punct);
 *   aligned gold-content words: دیگر من علی کتاب خرید = 5; right: علی کتاب خرید = 3.
 *   P = 3/7, R = 3/8, F1 = 6/15, AlignedAcc = 3/5.
 * MLAS: علی has an extra functional child (را case) in the system; کتاب has wrong UPOS and lost its case child;
 *   خرید right → 1. P = 1/7, R = 1/8, F1 = 2/15, AlignedAcc = 1/5.
 * BLEX: علی and کتاب right (UPOS is not part of BLEX), خرید has a wrong lemma → 2. F1 = 4/15, AlignedAcc = 2/5.
 */
const S1_TEXT = 'دیگر من اختیارش را ندارم.';
const S1_GOLD = [
  '1 دیگر دیگر ADV ADV _ 6 advmod _ _',
  '2 من من PRON PRO Number=Sing|Person=1|PronType=Prs 6 nsubj _ _',
  '3-4 اختیارش _ _ _ _ _ _ _ _',
  '3 اختیار اختیار NOUN N_SING Number=Sing 6 obj _ _',
  '4 ش او PRON CLITIC Number=Sing|Person=3|PronType=Prs 3 nmod:poss _ _',
  '5 را را ADP CLITIC _ 3 case _ _',
  '6 ندارم داشت#دار VERB V_PRS Number=Sing|Person=1|Polarity=Neg 0 root _ SpaceAfter=No',
  '7 . . PUNCT DELM _ 6 punct _ _',
];
const S2_TEXT = 'علی کتاب را خرید.';
const S2_GOLD = [
  '1 علی علی PROPN N_SING Number=Sing 4 nsubj _ _',
  '2 کتاب کتاب NOUN N_SING Number=Sing 4 obj _ _',
  '3 را را ADP CLITIC _ 2 case _ _',
  '4 خرید خرید#خر VERB V_PA Number=Sing|Person=3 0 root _ SpaceAfter=No',
  '5 . _ PUNCT DELM _ 4 punct _ _',
];
const GOLD = conllu([S1_TEXT, S1_GOLD], [S2_TEXT, S2_GOLD]);
const SYSTEM = conllu([
  `${S1_TEXT} ${S2_TEXT}`,
  [
    '1 دیگر دیگر ADV ADV _ 5 advmod _ _',
    '2 من من PRON PRO PronType=Prs|Typo=Yes|Person=1|Number=Sing 5 nsubj _ _',
    '3 اختیارش اختیار NOUN N_SING Number=Sing 5 obj _ _',
    '4 را را ADP CLITIC _ 3 case _ _',
    '5 ندارم. داشت#دار VERB V_PRS Number=Sing|Person=1|Polarity=Neg 9 parataxis _ _',
    '6 علی علی PROPN N_SING Number=Sing 9 nsubj:pass _ _',
    '7 کتاب کتاب PROPN N_SING Number=Sing 9 obj _ _',
    '8 را را ADP CLITIC _ 6 case _ _',
    '9 خرید خرید VERB V_PA Number=Sing|Person=3 0 root _ SpaceAfter=No',
    '10 . x PUNCT DELM _ 9 punct _ _',
  ],
]);

describe('hand-made example', () => {
  const r = ok(evaluate(GOLD, SYSTEM));
  const expected: Record<UdMetric, [correct: number, gold: number, system: number, aligned: number | null]> = {
    Tokens: [9, 11, 10, null],
    Sentences: [0, 2, 1, null],
    Words: [8, 12, 10, null],
    UPOS: [7, 12, 10, 8],
    XPOS: [8, 12, 10, 8],
    UFeats: [8, 12, 10, 8],
    AllTags: [7, 12, 10, 8],
    Lemmas: [7, 12, 10, 8],
    UAS: [4, 12, 10, 8],
    LAS: [4, 12, 10, 8],
    CLAS: [3, 8, 7, 5],
    MLAS: [1, 8, 7, 5],
    BLEX: [2, 8, 7, 5],
    LASfull: [3, 12, 10, 8],
  };
  for (const m of UD_METRICS) {
    it(`${m}`, () => {
      const s = r.metrics[m];
      const [c, g, sy, a] = expected[m];
      expect([s.correct, s.goldTotal, s.systemTotal, s.alignedTotal]).toEqual([c, g, sy, a]);
      expect(s.precision).toBeCloseTo(c / sy, 12);
      expect(s.recall).toBeCloseTo(c / g, 12);
      expect(s.f1).toBeCloseTo((2 * c) / (g + sy), 12);
      if (a === null) expect(s.alignedAccuracy).toBeNull();
      else expect(s.alignedAccuracy).toBeCloseTo(c / a, 12);
    });
  }

  it('F1 values as in the comment', () => {
    const f1 = (m: UdMetric): number => r.metrics[m].f1;
    expect(f1('Tokens')).toBeCloseTo(18 / 21, 12);
    expect(f1('Words')).toBeCloseTo(16 / 22, 12);
    expect(f1('UAS')).toBeCloseTo(8 / 22, 12);
    expect(f1('CLAS')).toBeCloseTo(6 / 15, 12);
    expect(f1('MLAS')).toBeCloseTo(2 / 15, 12);
  });

  it('formatScores prints a markdown table', () => {
    const table = formatScores(r);
    expect(table.split('\n')[0]).toBe('| Metric | Precision | Recall | F1 Score | AligndAcc |');
    expect(table).toContain('| Tokens | 90.00 | 81.82 | 85.71 |  |');
    expect(table).toContain('| UPOS | 70.00 | 58.33 | 63.64 | 87.50 |');
    expect(table).toContain('| LASfull | 30.00 | 25.00 | 27.27 | 37.50 |');
  });
});

describe('multi-word tokens on both sides', () => {
  it('aligns the words inside an MWT by LCS of lowercased forms', () => {
    // system splits اختیارش into اختیار + اش: only اختیار aligns inside the MWT span
    const sys = GOLD.replace('4\tش\tاو', '4\tاش\tاو');
    const r = ok(evaluate(GOLD, sys));
    expect(r.metrics.Tokens.f1).toBe(1);
    expect([r.metrics.Words.correct, r.metrics.Words.goldTotal, r.metrics.Words.systemTotal]).toEqual([11, 12, 12]);
    // ش's dependents: none; the words whose head is ش: none → UAS only loses ش itself
    expect(r.metrics.UAS.correct).toBe(11);
  });

  it('compares forms case-insensitively inside MWT spans', () => {
    const g = conllu(['Dámelo', ['1-2 Dámelo _ _ _ _ _ _ _ _', '1 Dá dar VERB _ _ 0 root _ _', '2 me yo PRON _ _ 1 iobj _ _']]);
    const s = conllu(['Dámelo', ['1-2 Dámelo _ _ _ _ _ _ _ _', '1 DÁ dar VERB _ _ 0 root _ _', '2 ME yo PRON _ _ 1 iobj _ _']]);
    expect(ok(evaluate(g, s)).metrics.LAS.f1).toBe(1);
  });
});

describe('errors and strictness', () => {
  it('returns an error when the characters differ', () => {
    const sys = SYSTEM.replace('\tکتاب\tکتاب', '\tکتب\tکتاب');
    const r = evaluate(GOLD, sys);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/concatenation of tokens in gold file and in system file differ/);
      expect(r.error).toContain("gold file: 'ابراخرید.' and system file: 'براخرید.'");
    }
    expect(formatScores(r)).toMatch(/^Error: /);
  });

  it('ignores whitespace (Zs) inside forms', () => {
    const g = conllu(['می شود', ['1 می\u00a0شود شد VERB _ _ 0 root _ _']]);
    const s = conllu(['می شود', ['1 می شد VERB _ _ 0 root _ _', '2 شود شد VERB _ _ 1 fixed _ _']]);
    const r = ok(evaluate(g, s));
    expect([r.metrics.Tokens.correct, r.metrics.Tokens.systemTotal]).toEqual([0, 2]);
    expect(r.metrics.Sentences.f1).toBe(1);
  });

  // [gold form, system form, reason]
  const invisible: [string, string, string][] = [
    ['مردم\u202a', 'مردم', "a bidi embedding at a gold form's edge (iPerUDT's train part has مردم\u202a): the tokenizer leaves it out of the token, which was 'concatenation of tokens ... differ'"],
    ['\ufeffمردم', 'مردم', 'a BOM likewise'],
    ['مردم', '\u200fمردم\u200f', 'and on the system side'],
    ['مردم\u200b', 'مردم', "a zero-width space likewise: the tokenizer leaves it out too (isFormatControl), but evaluate's own copy of the list missed it, 'concatenation of tokens ... differ'"],
  ];
  it.each(invisible)('ignores invisible format controls in forms: %j vs %j (%s)', (gf, sf) => {
    const g = conllu([gf, [`1 ${gf} مردم NOUN _ _ 0 root _ _`]]);
    const s = conllu([sf, [`1 ${sf} مردم NOUN _ _ 0 root _ _`]]);
    expect(ok(evaluate(g, s)).metrics.Tokens.f1).toBe(1);
  });

  it('strict mode rejects missing heads; lenient mode scores them as wrong', () => {
    const noHeads = GOLD.replace(/^(\d+\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t)\d+\t[^\t]*/gm, '$1_\t_');
    expect(evaluate(GOLD, noHeads)).toMatchObject({ ok: false, error: expect.stringMatching(/HEAD/) });
    const r = ok(evaluate(GOLD, noHeads, { strict: false }));
    expect(r.metrics.UPOS.f1).toBe(1);
    expect(r.metrics.UAS.correct).toBe(0);
    expect(r.metrics.LAS.correct).toBe(0);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it('strict mode rejects two roots and cycles', () => {
    const twoRoots = GOLD.replace('7\t.\t.\tPUNCT\tDELM\t_\t6\tpunct', '7\t.\t.\tPUNCT\tDELM\t_\t0\tpunct');
    expect(evaluate(GOLD, twoRoots)).toMatchObject({ ok: false, error: expect.stringMatching(/multiple roots/) });
    expect(evaluate(GOLD, twoRoots, { strict: false }).ok).toBe(true);
    const cycle = GOLD.replace('1\tدیگر\tدیگر\tADV\tADV\t_\t6', '1\tدیگر\tدیگر\tADV\tADV\t_\t2').replace(
      '2\tمن\tمن\tPRON\tPRO\tNumber=Sing|Person=1|PronType=Prs\t6',
      '2\tمن\tمن\tPRON\tPRO\tNumber=Sing|Person=1|PronType=Prs\t1',
    );
    expect(evaluate(GOLD, cycle)).toMatchObject({ ok: false, error: expect.stringMatching(/cycle/) });
  });
});
