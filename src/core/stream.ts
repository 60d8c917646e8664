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

export function createSentenceStream(pipeline: Pipeline): SentenceStream {
  let buffer = '';
  let base = 0; // offset of buffer[0] in the whole stream
  let nextId = 1;
  let ended = false;

  const analyse = (text: string): Sentence[] => {
    if (text.length === 0) return [];
    const doc = pipeline.process(text);
    for (const s of doc.sentences) {
      s.start += base;
      s.end += base;
      s.id = String(nextId++);
      for (const t of s.tokens) {
        t.start += base;
        t.end += base;
      }
    }
    base += text.length;
    return doc.sentences;
  };

  // incremental scan state over `buffer` (so a long line arriving in many chunks is scanned once: linear time)
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

  const takeUntil = (at: number): string => {
    const text = buffer.slice(0, at);
    buffer = buffer.slice(at);
    scanPos -= at;
    cut = -1;
    return text;
  };

  return {
    push(chunk: string): Sentence[] {
      if (ended) return [];
      buffer += String(chunk);
      const at = cutPoint();
      if (at < 0) return [];
      return analyse(takeUntil(at));
    },
    end(): Sentence[] {
      if (ended) return [];
      ended = true;
      const text = buffer;
      buffer = '';
      return analyse(text);
    },
  };
}
