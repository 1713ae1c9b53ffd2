import type { KnowledgeBaseArticle } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { matchingArticles } from "./article-search.ts";

const article = (id: number, title: string): KnowledgeBaseArticle => ({
  id,
  accountId: 1,
  title,
  body: "…",
  language: "fi",
  category: null,
  url: null,
  questions: [],
  published: true,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
});

const articles = [article(1, "Öljymaalit ja sävytys"), article(2, "Palautusoikeus"), article(3, "Toimitusajat ja palautus"), article(4, "Aukioloajat")];

describe("knowledge-base search", () => {
  it("lists every article A to Ö (Finnish order) when nothing is typed", () => {
    expect(matchingArticles(articles, "  ").map((a) => a.id)).toEqual([4, 2, 3, 1]);
  });

  it("keeps titles holding every typed word, whatever the case", () => {
    expect(matchingArticles(articles, "PALAUTUS").map((a) => a.id)).toEqual([2, 3]);
    expect(matchingArticles(articles, "palautus toimitus").map((a) => a.id)).toEqual([3]);
    expect(matchingArticles(articles, "öljy").map((a) => a.id)).toEqual([1]);
    expect(matchingArticles(articles, "vaihto")).toEqual([]);
  });
});
