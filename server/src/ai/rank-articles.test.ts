import { describe, expect, it } from "vitest";
import { rankArticles } from "./rank-articles.ts";
import { krautaArticles, krautaSlugOf as slugOf } from "./testing/kb-fixtures.ts";

const articles = krautaArticles({ questions: false });


describe("rankArticles", () => {
  it.each([
    ["Hei! Miten palautus toimii? Ostin porakoneen viime viikolla.", "fi", "returns-fi"],
    ["Can I return a drill I bought last week?", "en", "returns-en"],
    ["Vilka öppettider har kundtjänst?", "sv", "opening-hours-sv"],
    ["Paljonko kotiinkuljetus maksaa?", "fi", "home-delivery-fi"],
    // "Maksaa" there is "cost", not "pay": the pick-up article, not the payment methods.
    ["Maksaako myymälänouto jotain?", "fi", "click-and-collect-fi"],
    // A number and its unit are one word however they are written: "12V" is the article's "12 V".
    ["12V or 18V? I'm redoing my whole bathroom myself", "en", "choosing-a-drill-en"],
    // Moving a delivery to another day is an order change (the order article), not how deliveries
    // work; changing an email address stays an account question.
    ["Can I change the delivery day of my freight?", "en", "order-status-en"],
    ["Voinko siirtää rahtitoimituksen toiseen päivään?", "fi", "order-status-fi"],
    ["Kan jag flytta leveransdagen?", "sv", "order-status-sv"],
    ["How do I change my email address?", "en", "account-k-plussa-en"],
    ["Hur ändrar jag min e-postadress?", "sv", "account-k-plussa-sv"],
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
    // Far below the auto-reply gate (0.80).
    expect(kayaks[0]?.support ?? 0).toBeLessThan(0.6);
  });

  it("a place or a day no article names counts heavily against the answer; another unknown word lightly", () => {
    const support = (question: string) => rankArticles(question, articles, { language: "en" })[0]?.support ?? 0;
    const wheelbarrow = support("How much is home delivery for a wheelbarrow?");
    const oulu = support("How much is home delivery to Oulu?");
    const easter = support("Are you open at Easter?");
    const sunday = support("Are you open on Sunday?");
    expect(wheelbarrow).toBeGreaterThan(oulu + 0.1);
    expect(sunday).toBeGreaterThan(easter + 0.3);
    // A delivery question about any product stays near the auto-reply gate (0.80; the quoted price's
    // answer-type bonus lifts it over), one about a town falls far below.
    expect(wheelbarrow).toBeGreaterThan(0.8);
    expect(oulu).toBeLessThan(0.7);
  });

  it("a greeting or a thanks is no part of the question", () => {
    for (const [question, language] of [
      ["Moro! Oletteko auki lauantaina?", "fi"],
      ["Tjena, när öppnar ni på lördag?", "sv"],
      ["Hiya, when do you open on Saturday? Cheers", "en"],
    ] as const) {
      expect(rankArticles(question, articles, { language })[0]?.support, question).toBe(1);
    }
  });

  it("reads a word no article holds as the article word one typing slip away, never two", () => {
    const top = (question: string) => rankArticles(question, articles, { language: "en" })[0];
    for (const question of ["How long do I have to retrun an item?", "Can I pay by invocie?", "Can I pay by ivnoice?"]) {
      expect(top(question)?.support, question).toBe(1);
    }
    expect(slugOf(top("How long do I have to retrun an item?")?.article.id)).toBe("returns-en");
    // Two slips ("retnru"), or a short word, stay unknown.
    expect(top("Can I retnru an item?")?.support ?? 0).toBeLessThan(1);
    expect(top("Do you sell kayaks?")?.support ?? 0).toBeLessThan(0.6);
  });

  it("a euro sign and the word euro are the same word", () => {
    // The article writes "over €100"; the visitor writes "100 euros".
    const [top] = rankArticles("Is parcel delivery free over 100 euros?", articles, { language: "en" });
    expect(slugOf(top?.article.id)).toBe("home-delivery-en");
    expect(top?.support).toBe(1);
  });
});
