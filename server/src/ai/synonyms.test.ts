import { describe, expect, it } from "vitest";
import { KRAUTA_ARTICLES } from "../db/seed-data/knowledge-base.ts";
import { queryTerms, SYNONYM_MATCH, termMatch } from "./query-terms.ts";
import { rankParagraphs } from "./quote-paragraph.ts";
import { rankArticles } from "./rank-articles.ts";
import { PHRASES, SYNONYM_GROUPS } from "./synonyms.ts";
import { krautaArticles, krautaSlugOf as slugOf } from "./testing/kb-fixtures.ts";
import { stemWord } from "./text-tokens.ts";

const articles = krautaArticles({ questions: false });

const body = (slug: string) => KRAUTA_ARTICLES.find((a) => a.slug === slug)!.body;
const term = (text: string, language: "fi" | "sv" | "en") => queryTerms(text, language)[0]!;

describe("synonyms: words that ask for the same thing", () => {
  it("a synonym matches a little below the word's own forms; an unrelated word not at all", () => {
    const money = term("money", "en");
    expect(termMatch(money, stemWord("refund", "en"))).toBe(SYNONYM_MATCH);
    expect(termMatch(money, stemWord("money", "en"))).toBe(1);
    expect(termMatch(money, stemWord("drill", "en"))).toBe(0);
    expect(termMatch(term("ändrar", "sv"), stemWord("byter", "sv"))).toBe(SYNONYM_MATCH);
    expect(termMatch(term("vaihdan", "fi"), stemWord("muuttaa", "fi"))).toBe(SYNONYM_MATCH);
  });

  it("quotes the paragraph that answers, not the one that shares a word", () => {
    // "ändrar" is "byter" in the article; "company" is "business".
    expect(rankParagraphs("Hur ändrar jag min e-postadress?", body("account-k-plussa-sv"), "sv")[0]?.paragraph).toContain("Mina uppgifter");
    expect(rankParagraphs("Can my company pay by invoice once a month?", body("payment-methods-en"), "en")[0]?.paragraph).toContain("Business customers");
    expect(rankParagraphs("Milloin saan rahat takaisin?", body("returns-fi"), "fi")[0]?.paragraph).toContain("Hyvitys maksetaan");
    // A relative or a friend who fetches the order is "someone else" in the article.
    expect(rankParagraphs("Can my daughter pick up my order?", body("click-and-collect-en"), "en")[0]?.paragraph).toContain("someone else");
    expect(rankParagraphs("Voiko vaimo noutaa tilauksen?", body("click-and-collect-fi"), "fi")[0]?.paragraph).toContain("joku muu");
    expect(rankParagraphs("Kan min sambo hämta åt mig?", body("click-and-collect-sv"), "sv")[0]?.paragraph).toContain("någon annan");
  });

  it("finds the article a paraphrase asks about, and counts the paraphrase as covered", () => {
    const slug = (question: string, language: "fi" | "en") => slugOf(rankArticles(question, articles, { language })[0]?.article.id);
    expect(slug("How do I get my money back?", "en")).toBe("returns-en");
    expect(slug("Missä rahani viipyvät?", "fi")).toBe("returns-fi");
    // "rent" is "hire" in the article.
    expect(rankArticles("Can I rent a hammer drill?", articles, { language: "en" })[0]?.support).toBe(1);
  });

  it("every phrase is a verb and its particle, read as one word", () => {
    for (const phrases of Object.values(PHRASES)) {
      for (const [phrase, word] of phrases) {
        expect(phrase.split(" ")).toHaveLength(2);
        expect(word).toMatch(/^[\p{L}-]+$/u);
      }
    }
  });

  it("every group is single words, at least two per group, in each language", () => {
    for (const groups of Object.values(SYNONYM_GROUPS)) {
      for (const group of groups) {
        expect(group.length).toBeGreaterThanOrEqual(2);
        for (const word of group) expect(word).toMatch(/^[\p{L}-]+$/u);
      }
    }
  });

  it.each([
    ["What does shipping cost?", "en", "home-delivery-en"],
    ["What time does the store close on Saturday?", "en", "opening-hours-en"],
    ["När stänger ni på lördag?", "sv", "opening-hours-sv"],
    ["Ringer chauffören innan leveransen?", "sv", "home-delivery-sv"],
    ["Soittaako kuski ennen toimitusta?", "fi", "home-delivery-fi"],
  ] as const)("%s -> %s, the question covered", (question, language, slug) => {
    const [top] = rankArticles(question, articles, { language });
    expect(slugOf(top?.article.id)).toBe(slug);
    expect(top?.support).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ["Kan jag lämna tillbaka en lampa?", "sv", "returns-sv"],
    ["Jag vill skicka tillbaka skruvarna", "sv", "returns-sv"],
    ["Can I send back a lamp?", "en", "returns-en"],
    ["Voinko tuoda lampun takaisin myymälään?", "fi", "returns-fi"],
  ] as const)("a particle verb reads as its one word: %s -> %s", (question, language, slug) => {
    const [top] = rankArticles(question, articles, { language });
    expect(slugOf(top?.article.id)).toBe(slug);
  });
});
