/**
 * The built-in classifier's lexicons know the words they were written with; the knowledge base
 * knows more (every article's title, body and example questions). When the message's own words
 * name its topic only weakly, the category of the article the ranker clearly found is the better
 * reading ("Do you take American Express online?" names no category word, and the payment
 * article answers it). Pure.
 */
import type { AICategory } from "@hummdesk/shared";
import type { ClassificationResult, Passage } from "./provider.ts";

/** At or below this lexicon score (one strong or two plain category words) the words are weak evidence. */
export const WEAK_LEXICAL_EVIDENCE = 2;
/** The top article must hold at least this share of the question's weighted terms. */
export const ARTICLE_MIN_SUPPORT = 0.5;

/** Categories whose words the articles never overrule: a return or refund word names the one topic
 * the returns policy covers, while other articles mention returning (tinted paint cannot be
 * returned, members get a longer return period) without answering how. */
const TRUSTED_WORDS: ReadonlySet<AICategory> = new Set(["returns_refunds"]);

/** Whether the classification names its category weakly enough for the articles to decide. */
export function readsWeakly(result: ClassificationResult): boolean {
  return result.lexicalEvidence !== undefined && result.lexicalEvidence <= WEAK_LEXICAL_EVIDENCE;
}

export interface ReconciledCategory {
  category: AICategory;
  /** True when the category came from the article, not the classifier. */
  fromArticle: boolean;
}

/** The classification's category, or the top passage's when the classifier's evidence is weak
 * and the passage clearly fits. `passages` are ranked without a category hint. */
export function reconcileCategory(result: ClassificationResult, passages: readonly Passage[]): ReconciledCategory {
  const keep = { category: result.category, fromArticle: false };
  const top = passages[0];
  if (!readsWeakly(result) || !top?.category || TRUSTED_WORDS.has(result.category)) return keep;
  if (top.category === result.category || (top.support ?? 0) < ARTICLE_MIN_SUPPORT) return keep;
  return { category: top.category, fromArticle: true };
}
