import { describe, expect, it } from "vitest";
import { streamWords, wordPieces } from "./stream-words.ts";

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of iterable) pieces.push(piece);
  return pieces;
}

describe("streamWords", () => {
  it.each(["Kiitos kysymyksestä!\n\nVoit palauttaa tuotteen.", "  leading and trailing  ", "one", "", "a\tb\n\nc "])(
    "yields pieces that join back to %j",
    async (text) => {
      const pieces = await collect(streamWords(text));
      expect(pieces.join("")).toBe(text);
      expect(pieces).toEqual(wordPieces(text));
    },
  );

  it("yields one word at a time", async () => {
    expect(await collect(streamWords("Hei! Miten voin auttaa?"))).toEqual(["Hei! ", "Miten ", "voin ", "auttaa?"]);
  });

  it("waits between words when a demo delay is set", async () => {
    const started = performance.now();
    await collect(streamWords("a b c d", { delayMs: 20 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    await expect(async () => {
      for await (const piece of streamWords("a b c d", { signal: controller.signal, delayMs: 5 })) {
        pieces.push(piece);
        controller.abort();
      }
    }).rejects.toThrow();
    expect(pieces).toEqual(["a "]);
  });
});
