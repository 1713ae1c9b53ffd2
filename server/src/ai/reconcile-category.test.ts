import { describe, expect, test } from "vitest";
import type { ClassificationResult, Passage } from "./provider.ts";
import { ARTICLE_MIN_SUPPORT, reconcileCategory, WEAK_LEXICAL_EVIDENCE } from "./reconcile-category.ts";

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

  test("the same category read both ways is the classifier's own", () => {
    expect(reconcileCategory(classified({ category: "billing_payment", lexicalEvidence: 1 }), [passage({})])).toEqual({ category: "billing_payment", fromArticle: false });
  });
});
