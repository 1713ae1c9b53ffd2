import { describe, expect, it } from "vitest";
import { KRAUTA_ARTICLES } from "../../db/seed-data/knowledge-base.ts";
import { containsFact } from "./contains-fact.ts";
import { loadLabelledSet, MESSAGE_KINDS } from "./labelled-set.ts";

const tuning = loadLabelledSet("tuning");
const heldOut = loadLabelledSet("held-out");
const all = [...tuning, ...heldOut];
const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

describe("the labelled set (tuning + held-out)", () => {
  it("has >= 300 messages, >= 100 per language, and the held-out part is a third of each language", () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const language of ["fi", "sv", "en"] as const) {
      const total = all.filter((m) => m.language === language).length;
      const held = heldOut.filter((m) => m.language === language).length;
      expect(total).toBeGreaterThanOrEqual(100);
      expect(held / total).toBeGreaterThan(0.3);
      expect(held / total).toBeLessThan(0.37);
    }
  });

  it("covers every kind in every language in both parts", () => {
    for (const part of [tuning, heldOut]) {
      for (const language of ["fi", "sv", "en"] as const) {
        for (const kind of MESSAGE_KINDS) expect(part.filter((m) => m.language === language && m.kind === kind).length, `${language}/${kind}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("shares no message between the parts", () => {
    const tuningTexts = new Set(tuning.map((m) => normalise(m.text)));
    expect(heldOut.filter((m) => tuningTexts.has(normalise(m.text))).map((m) => m.text)).toEqual([]);
  });

  it("seed example questions are not copies of held-out messages (word overlap below half)", () => {
    const words = (text: string) => new Set(normalise(text).split(" "));
    const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;
    const held = heldOut.map((m) => words(m.text));
    const close = KRAUTA_ARTICLES.flatMap((a) => a.questions ?? []).filter((question) => held.some((h) => overlap(words(question), h) >= 0.5));
    // Only the count is reported: the held-out messages are never printed.
    expect(close.length, `seed questions too close to a held-out message: ${close.join(" | ")}`).toBe(0);
  });

  it("names only seed articles in the message's language, whose text holds the key fact", () => {
    const bySlug = new Map(KRAUTA_ARTICLES.map((a) => [a.slug, a]));
    for (const message of all.filter((m) => m.kind === "answerable")) {
      const articles = message.articles.map((slug) => bySlug.get(slug));
      expect(articles.every((a) => a?.language === message.language), `${message.text}: ${message.articles.join(", ")}`).toBe(true);
      expect(
        articles.some((a) => a && containsFact(`${a.title}\n${a.body}`, message.fact!)),
        `${message.text}: no expected article holds "${message.fact}"`,
      ).toBe(true);
    }
  });
});
