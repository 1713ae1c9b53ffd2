import { beforeAll, describe, expect, test } from "vitest";
import { classifyMessage } from "./classify-message.ts";
import { loadLanguageDetector } from "./detect-language.ts";
import type { ClassificationResult, Passage } from "./provider.ts";
import { rankArticles } from "./rank-articles.ts";
import { krautaArticles } from "./testing/kb-fixtures.ts";
import { ARTICLE_MIN_SUPPORT, reconcileCategory, WEAK_LEXICAL_EVIDENCE } from "./reconcile-category.ts";

beforeAll(() => loadLanguageDetector());

const classified = (over: Partial<ClassificationResult>): ClassificationResult => ({
  language: "en",
  category: "other",
  priority: "low",
  sentiment: "neutral",
  confidence: 0.3,
  handoffRequested: false,
  lexicalEvidence: 0,
  ...over,
});
const passage = (over: Partial<Passage>): Passage => ({ articleId: 1, title: "Payment methods", body: "…", url: null, language: "en", category: "billing_payment", score: 3, support: 1, ...over });

describe("reconcileCategory", () => {
  test("words that name no category: the clearly fitting top article decides", () => {
    expect(reconcileCategory(classified({ category: "other", lexicalEvidence: 0 }), [passage({})])).toEqual({ category: "billing_payment", fromArticle: true });
    expect(reconcileCategory(classified({ category: "order_status", lexicalEvidence: WEAK_LEXICAL_EVIDENCE }), [passage({ category: "delivery" })])).toEqual({ category: "delivery", fromArticle: true });
  });

  test("clear words, a model's classification, a weak article or none keep the classifier's category", () => {
    const strong = classified({ category: "returns_refunds", lexicalEvidence: WEAK_LEXICAL_EVIDENCE + 0.5 });
    expect(reconcileCategory(strong, [passage({})])).toEqual({ category: "returns_refunds", fromArticle: false });
    const model = classified({ category: "returns_refunds", lexicalEvidence: undefined });
    expect(reconcileCategory(model, [passage({})])).toEqual({ category: "returns_refunds", fromArticle: false });
    expect(reconcileCategory(classified({}), [passage({ support: ARTICLE_MIN_SUPPORT - 0.01 })])).toEqual({ category: "other", fromArticle: false });
    expect(reconcileCategory(classified({}), [passage({ category: null })])).toEqual({ category: "other", fromArticle: false });
    expect(reconcileCategory(classified({}), [])).toEqual({ category: "other", fromArticle: false });
  });

  test("a returns reading stays, whatever article ranks first", () => {
    expect(reconcileCategory(classified({ category: "returns_refunds", lexicalEvidence: 1 }), [passage({ category: "product_question" })])).toEqual({ category: "returns_refunds", fromArticle: false });
  });

  test("the same category read both ways is the classifier's own", () => {
    expect(reconcileCategory(classified({ category: "billing_payment", lexicalEvidence: 1 }), [passage({})])).toEqual({ category: "billing_payment", fromArticle: false });
  });
});

describe("the classifier and the articles together (seed knowledge base)", () => {
  const articles = krautaArticles();
  const categoryOf = (text: string) => {
    const result = classifyMessage({ text, fallbackLanguage: "en" });
    const passages = rankArticles(text, articles, { language: result.language }).map((r) => ({ articleId: r.article.id, title: r.article.title, body: r.article.body, url: r.article.url, language: r.article.language, category: r.article.category, score: r.score, support: r.support }));
    return reconcileCategory(result, passages).category;
  };

  test.each([
    // "order" names what the visitor picks up, not what they ask about it.
    ["Can I pick up my order at the store?", "delivery"],
    ["Voinko noutaa tilauksen myymälästä?", "delivery"],
    ["Kan jag hämta min beställning i butiken?", "delivery"],
    ["Where is my order?", "order_status"],
    ["How do I cancel my order?", "order_status"],
    ["Var är min beställning?", "order_status"],
    // The paint guide and the membership article mention returns; the question is how to return.
    ["Får jag byta en oöppnad färgburk?", "returns_refunds"],
    ["Sävytetty maali oli väärän värinen, voiko sen palauttaa?", "returns_refunds"],
    // A password reset ("salasanan palautus") is not a return.
    ["Salasanan palautuslinkki ei toimi", "account"],
  ] as const)("%s -> %s", (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });
});
