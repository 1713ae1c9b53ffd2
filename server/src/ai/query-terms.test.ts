import { describe, expect, it } from "vitest";
import { queryTerms, readQuestion } from "./query-terms.ts";
import { rankArticles } from "./rank-articles.ts";
import { krautaArticles } from "./testing/kb-fixtures.ts";

const articles = krautaArticles();
const stems = (text: string, language: "fi" | "sv" | "en") => queryTerms(text, language).map((t) => t.stem);

describe("queryTerms: filler words", () => {
  it.each([
    ["rahtitoimitus tulossa torstaina mut en oo kotona", "fi", ["mut", "oo"]],
    ["Hur många dagar tar det innan ett paket kommer fram till mig?", "sv", ["mig", "kommer"]],
    ["cant log into my account", "en", ["cant", "into"]],
    // Conjunctions, modals, determiners and relative pronouns: "but", "some", "want", "what's",
    // "vois", "jolla", "fick", "nåt" name nothing an article answers.
    ["want to send back the extra tiles, but some boxes are unopened", "en", ["want", "but", "some"]],
    ["whats your return policy", "en", ["what"]],
    ["onks teillä numeroa mihin vois soittaa, jolla saa asiakaspalvelun", "fi", ["vois", "jolla", "saa"]],
    ["kostar det nåt att hämta själv, vi fick ett sms", "sv", ["nåt", "själv", "fick"]],
  ] as const)("%s: %j are no terms, but count towards its length", (text, language, fillers) => {
    const terms = stems(text, language);
    for (const filler of fillers) expect(terms).not.toContain(filler);
    expect(readQuestion(text, language).fillerWords).toBeGreaterThanOrEqual(fillers.length);
  });

  it.each([
    // A quantity, a time, a count or a negation carries the ask: an article that lacks it does not answer.
    ["hur mycket väger en gipsskiva", "sv", "myck"],
    ["koska mun tilaus lähtee", "fi", "kosk"],
    ["I made two accounts, can you merge them into one?", "en", "two"],
  ] as const)("%s keeps %s", (text, language, stem) => {
    expect(stems(text, language).some((s) => s.startsWith(stem))).toBe(true);
  });

  it("a filler word no article holds does not lower the support of the article that answers", () => {
    const plain = rankArticles("rahtitoimitus tulee torstaina, saako päivää siirtää", articles, { language: "fi" })[0];
    const colloquial = rankArticles("rahtitoimitus tulee torstaina mut en oo kotona, saako päivää siirtää", articles, { language: "fi" })[0];
    expect(colloquial?.article.id).toBe(plain?.article.id);
    // "kotona" is new and counts; "mut" and "oo" do not.
    const withHome = rankArticles("rahtitoimitus tulee torstaina en kotona, saako päivää siirtää", articles, { language: "fi" })[0];
    expect(colloquial?.support).toBeCloseTo(withHome?.support ?? 0, 5);
  });
});
