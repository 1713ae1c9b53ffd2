/** Streams a finished answer word by word, keeping whitespace, so the pieces join to the text. */
import { setTimeout as sleep } from "node:timers/promises";

/** The pieces `streamWords` yields: leading whitespace, then each word with the space after it. */
export function wordPieces(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

export interface StreamWordsOptions {
  /** Pause before every piece after the first, for demos; 0 (the default) yields at once. */
  delayMs?: number;
  signal?: AbortSignal;
}

export async function* streamWords(text: string, options: StreamWordsOptions = {}): AsyncGenerator<string> {
  const delayMs = options.delayMs ?? 0;
  let first = true;
  for (const piece of wordPieces(text)) {
    options.signal?.throwIfAborted();
    if (!first && delayMs > 0) await sleep(delayMs, undefined, { signal: options.signal });
    first = false;
    yield piece;
  }
}
