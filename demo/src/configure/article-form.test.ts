import type { KnowledgeBaseArticle } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { type ArticleForm, articleErrorsFromServer, checkArticleForm, formFromArticle } from "./article-form.ts";

const article: KnowledgeBaseArticle = {
  id: 7,
  accountId: 1,
  title: "Palautusoikeus",
  body: "Käyttämättömän tuotteen voi palauttaa 30 päivän kuluessa.",
  language: "fi",
  category: "returns_refunds",
  url: "https://www.k-rauta.fi/palautus",
  questions: ["Voinko palauttaa porakoneen?", "Kauanko palautusaikaa on?"],
  published: true,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
};

const saved = formFromArticle(article);
const form = (changes: Partial<ArticleForm> = {}): ArticleForm => ({ ...saved, ...changes });

describe("article form", () => {
  it("a new article sends every field, trimmed, with one question per non-blank line", () => {
    const check = checkArticleForm({ ...formFromArticle(null), title: "  Toimitus  ", body: "Kotiinkuljetus 2–5 päivää.", questionsText: "Milloin paketti tulee?\n\n  Kauanko toimitus kestää? \n" });
    expect(check).toEqual({
      ok: true,
      request: { title: "Toimitus", body: "Kotiinkuljetus 2–5 päivää.", language: "fi", category: null, url: null, questions: ["Milloin paketti tulee?", "Kauanko toimitus kestää?"], published: true },
    });
  });

  it("an edit sends only what changed, so the audit log names it", () => {
    expect(checkArticleForm(form(), saved)).toEqual({ ok: true, request: {} });
    expect(checkArticleForm(form({ title: "Palautus ja vaihto", questionsText: `${saved.questionsText}\nVoiko lahjan vaihtaa?` }), saved)).toEqual({
      ok: true,
      request: { title: "Palautus ja vaihto", questions: [...article.questions, "Voiko lahjan vaihtaa?"] },
    });
    expect(checkArticleForm(form({ url: "  " }), saved)).toEqual({ ok: true, request: { url: null } });
  });

  it.each([
    [{ title: "   " }, "title", "Give the article a title; the AI matches visitors' messages against it."],
    [{ title: "x".repeat(201) }, "title", "Keep the title to 200 characters or fewer."],
    [{ body: "" }, "body", "Write the article's body: the text the AI answers from."],
    [{ url: "www.k-rauta.fi/palautus" }, "url", "Write the link as a full address starting with https:// or http://, for example https://www.k-rauta.fi/palautus."],
    [{ url: "javascript:alert(1)" }, "url", "Write the link as a full address starting with https:// or http://, for example https://www.k-rauta.fi/palautus."],
    [{ questionsText: Array.from({ length: 21 }, (_, i) => `Kysymys ${i}?`).join("\n") }, "questions", "Give at most 20 example questions, one per line; there are 21."],
    [{ questionsText: `ok?\n${"x".repeat(301)}` }, "questions", "Question 2 is too long; keep each example question to 300 characters or fewer."],
  ])("%o is refused at %s with a sentence", (changes, field, message) => {
    expect(checkArticleForm(form(changes), saved)).toEqual({ ok: false, errors: { [field]: message } });
  });

  it("names every wrong field at once", () => {
    const check = checkArticleForm(form({ title: "", body: "" }));
    expect(check.ok).toBe(false);
    expect(Object.keys(check.ok ? {} : check.errors).sort()).toEqual(["body", "title"]);
  });

  it("reads the server's field issues as the same sentences", () => {
    expect(articleErrorsFromServer(form(), [{ path: ["url"], code: "invalid_format", message: "must be an http:// or https:// URL" }])).toEqual({
      url: "Write the link as a full address starting with https:// or http://, for example https://www.k-rauta.fi/palautus.",
    });
    expect(articleErrorsFromServer(form(), { issues: [{ path: ["questions", 2], code: "too_big" }] })).toEqual({
      questions: "Question 3 is too long; keep each example question to 300 characters or fewer.",
    });
    expect(articleErrorsFromServer(form(), "not a list of issues")).toEqual({});
  });
});
