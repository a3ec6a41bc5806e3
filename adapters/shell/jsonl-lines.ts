/**
 * The scripting interface's input lines: split on `\n` only (a `\r` before it is dropped), so U+2028 and
 * U+2029 — valid inside a JSON string — never cut a line in two, as `readline` would. A line longer than
 * the limit is not kept whole: it is skipped up to its end and reported, so memory stays bounded.
 */
import type { Readable } from 'node:stream';

/** The longest input line read, in bytes: far above any message, well below what would strain memory. */
export const MAX_LINE_BYTES = 1024 * 1024;

export type InputLine = { text: string } | { tooLong: number };

const NEWLINE = 0x0a;

/** The lines of `input` in order; an over-long one comes as `{ tooLong: bytes }` instead of its text. */
export async function* inputLines(input: Readable, maxBytes = MAX_LINE_BYTES): AsyncGenerator<InputLine> {
  let pieces: Buffer[] = [];
  let size = 0;
  /** Bytes of the current line when it is over the limit (its text is no longer kept). */
  let skipped = 0;
  const end = (): InputLine => {
    const line: InputLine =
      skipped > 0
        ? { tooLong: skipped }
        : { text: Buffer.concat(pieces).toString('utf8').replace(/\r$/, '') };
    pieces = [];
    size = 0;
    skipped = 0;
    return line;
  };
  for await (const chunk of input) {
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    for (let at = data.indexOf(NEWLINE); ; at = data.indexOf(NEWLINE)) {
      const piece = at === -1 ? data : data.subarray(0, at);
      if (skipped > 0) skipped += piece.length;
      else if (size + piece.length > maxBytes) {
        skipped = size + piece.length;
        pieces = [];
      } else {
        pieces.push(piece);
        size += piece.length;
      }
      if (at === -1) break;
      yield end();
      data = data.subarray(at + 1);
    }
  }
  if (size > 0 || skipped > 0) yield end();
}
