/**
 * Streaming analysis: text arrives in chunks of any size; sentences come out as soon as they are certain, with
 * offsets into the WHOLE stream and the same ids, tokens and annotation as `pipeline.process(wholeText)` gives.
 *
 * A line break is always a sentence boundary and nothing in the analysis looks across one, so the stream cuts the
 * buffered text after its last line break (but never inside an open ``` code fence) and analyses what is before it.
 */
import type { Sentence } from './doc.js';
import type { Pipeline } from './pipeline.js';

export interface SentenceStream {
  /** Adds text; returns the sentences that are complete. */
  push(chunk: string): Sentence[];
  /** Flushes the rest; returns the last sentences. */
  end(): Sentence[];
}

/**
 * Cuts text arriving in chunks into pieces that can be analysed on their own: each piece ends just after a line break
 * that is outside a ``` code fence (the last one in the text so far). Linear time: a long line arriving in many
 * chunks is scanned once. Used by createSentenceStream, and by the CLI to hand pieces to worker threads.
 */
export interface TextCutter {
  /** Adds text; returns the text up to the last safe cut, or '' when there is none yet. */
  push(chunk: string): string;
  /** The rest. */
  end(): string;
}

export function createTextCutter(): TextCutter {
  let buffer = '';
  // incremental scan state over `buffer`
  let scanPos = 0;
  let open = false;
  let cut = -1;

  /** The cut point: just after the last line break that is outside a code fence. */
  const cutPoint = (): number => {
    const n = buffer.length;
    let i = scanPos;
    for (; i < n; i++) {
      const c = buffer.charCodeAt(i);
      if (c === 0x60) {
        if (i + 2 >= n) break; // a possible fence split across chunks: look again when more text arrives
        if (buffer.charCodeAt(i + 1) === 0x60 && buffer.charCodeAt(i + 2) === 0x60) {
          open = !open;
          i += 2;
        }
      } else if (c === 0x0a && !open) {
        cut = i + 1;
      }
    }
    scanPos = i;
    return cut;
  };

  return {
    push(chunk: string): string {
      buffer += String(chunk);
      const at = cutPoint();
      if (at < 0) return '';
      const text = buffer.slice(0, at);
      buffer = buffer.slice(at);
      scanPos -= at;
      cut = -1;
      return text;
    },
    end(): string {
      const text = buffer;
      buffer = '';
      scanPos = 0;
      cut = -1;
      return text;
    },
  };
}

export function createSentenceStream(pipeline: Pipeline): SentenceStream {
  let base = 0; // offset of the next piece in the whole stream
  let nextId = 1;
  let ended = false;
  const cutter = createTextCutter();

  const analyse = (text: string): Sentence[] => {
    if (text.length === 0) return [];
    const doc = pipeline.process(text);
    for (const s of doc.sentences) {
      shiftSentence(s, base);
      s.id = String(nextId++);
    }
    base += text.length;
    return doc.sentences;
  };

  return {
    push(chunk: string): Sentence[] {
      if (ended) return [];
      return analyse(cutter.push(chunk));
    },
    end(): Sentence[] {
      if (ended) return [];
      ended = true;
      return analyse(cutter.end());
    },
  };
}

/** Moves a sentence analysed as a piece of a longer text to its place there: its offsets and its tokens' grow by `base`. */
export function shiftSentence(s: Sentence, base: number): void {
  if (base === 0) return;
  s.start += base;
  s.end += base;
  for (const t of s.tokens) {
    t.start += base;
    t.end += base;
  }
}
