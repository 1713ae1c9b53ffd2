import { describe, expect, it } from "vitest";
import { KRAUTA_ARTICLES } from "../db/seed-data/knowledge-base.ts";
import { rankArticles } from "./rank-articles.ts";

const articles = KRAUTA_ARTICLES.map((a, i) => ({ id: i + 1, title: a.title, body: a.body, questions: [], language: a.language, category: a.category, url: a.url }));
const slugOf = (id: number | undefined) => KRAUTA_ARTICLES[(id ?? 0) - 1]?.slug;

describe("rankArticles", () => {
  it.each([
    ["Hei! Miten palautus toimii? Ostin porakoneen viime viikolla.", "fi", "returns-fi"],
    ["Can I return a drill I bought last week?", "en", "returns-en"],
    ["Vilka öppettider har kundtjänst?", "sv", "opening-hours-sv"],
    ["Paljonko kotiinkuljetus maksaa?", "fi", "home-delivery-fi"],
  ] as const)("%s: intent words outweigh product nouns; the visitor's language first", (question, language, slug) => {
    expect(slugOf(rankArticles(question, articles, { language })[0]?.article.id)).toBe(slug);
  });

  it("example questions weigh most: an article whose questions match wins", () => {
    const withQuestions = articles.map((a) => (a.id === 1 ? { ...a, questions: ["Voinko vuokrata peräkärryn?"] } : a));
    expect(rankArticles("Voinko vuokrata peräkärryn?", withQuestions, { language: "fi" })[0]?.article.id).toBe(1);
  });

  it("support is the share of the question the article holds; a question the articles lack has little", () => {
    const [top] = rankArticles("When are you open on Sunday?", articles, { language: "en" });
    expect(top?.support).toBeGreaterThan(0.9);
    const kayaks = rankArticles("Do you sell kayaks?", articles, { language: "en" });
    expect(kayaks[0]?.support ?? 0).toBeLessThan(0.5);
  });

  it("reads a word no article holds as the article word one typing slip away, never two", () => {
    const top = (question: string) => rankArticles(question, articles, { language: "en" })[0];
    for (const question of ["How long do I have to retrun an item?", "Can I pay by invocie?", "Can I pay by ivnoice?"]) {
      expect(top(question)?.support, question).toBe(1);
    }
    expect(slugOf(top("How long do I have to retrun an item?")?.article.id)).toBe("returns-en");
    // Two slips ("retnru"), or a short word, stay unknown.
    expect(top("Can I retnru an item?")?.support ?? 0).toBeLessThan(1);
    expect(top("Do you sell kayaks?")?.support ?? 0).toBeLessThan(0.5);
  });

  it("a euro sign and the word euro are the same word", () => {
    // The article writes "over €100"; the visitor writes "100 euros".
    const [top] = rankArticles("Is parcel delivery free over 100 euros?", articles, { language: "en" });
    expect(slugOf(top?.article.id)).toBe("home-delivery-en");
    expect(top?.support).toBe(1);
  });
});
