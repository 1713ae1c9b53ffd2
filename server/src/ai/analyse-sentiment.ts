/** Lexicon sentiment with negation: a negator flips the words after it ("ei toimi", "not happy"). */
import type { Sentiment, WidgetLocale } from "@hummdesk/shared";
import { type CompiledTerm, compileTerms, findHits, termMatchesAt } from "./lexicon-match.ts";
import { SENTIMENT_LEXICONS } from "./sentiment-lexicon.ts";
import { type Token, tokenize } from "./text-tokens.ts";

export interface SentimentScore {
  sentiment: Sentiment;
  /** Signed sum: below zero is negative; -3 or lower is an angry message. */
  score: number;
}

interface CompiledSentiment {
  positive: CompiledTerm[];
  negative: CompiledTerm[];
  polite: CompiledTerm[];
  negators: CompiledTerm[];
}

// How many words after a negator it governs ("en ole ollenkaan tyytyväinen").
const NEGATION_SCOPE = 3;
// Swedish puts "inte" after the verb ("den fungerar inte"), so it also governs the word before.
const NEGATION_LOOKBACK: Record<WidgetLocale, number> = { fi: 0, sv: 1, en: 0 };
const POLITE_WEIGHT = 0.5;
// "not bad" leans positive, but alone it is not praise.
const NEGATED_NEGATIVE = 0.5;

const compiled = new Map<WidgetLocale, CompiledSentiment>();

function lexiconFor(language: WidgetLocale): CompiledSentiment {
  let lexicon = compiled.get(language);
  if (!lexicon) {
    const source = SENTIMENT_LEXICONS[language];
    lexicon = {
      positive: compileTerms(source.positive, language),
      negative: compileTerms(source.negative, language),
      polite: compileTerms(source.polite, language),
      negators: compileTerms(source.negators, language),
    };
    compiled.set(language, lexicon);
  }
  return lexicon;
}

function negatedPositions(tokens: readonly Token[], lexicon: CompiledSentiment, language: WidgetLocale): Set<number> {
  const negated = new Set<number>();
  tokens.forEach((_, index) => {
    if (!lexicon.negators.some((term) => termMatchesAt(term, tokens, index))) return;
    for (let offset = -NEGATION_LOOKBACK[language]; offset <= NEGATION_SCOPE; offset++) {
      if (offset !== 0) negated.add(index + offset);
    }
  });
  return negated;
}

/** `asks`: the sentence is a question, where a positive word is no praise ("Miten palautus toimii?",
 * "How does it work?"), though a negated one is still a complaint ("Miksi se ei toimi?"). */
function scoreOf(tokens: readonly Token[], language: WidgetLocale, asks = false): number {
  const lexicon = lexiconFor(language);
  const negated = negatedPositions(tokens, lexicon, language);
  let score = 0;
  for (const hit of findHits(tokens, lexicon.positive)) {
    if (negated.has(hit.index)) score -= hit.weight;
    else if (!asks) score += hit.weight;
  }
  for (const hit of findHits(tokens, lexicon.negative)) {
    score += negated.has(hit.index) ? NEGATED_NEGATIVE : -hit.weight;
  }
  score += findHits(tokens, lexicon.polite).length * POLITE_WEIGHT;
  return score;
}

function judged(score: number): SentimentScore {
  const sentiment: Sentiment = score >= 1 ? "positive" : score <= -1 ? "negative" : "neutral";
  return { sentiment, score };
}

export function analyseSentiment(tokens: readonly Token[], language: WidgetLocale): SentimentScore {
  return judged(scoreOf(tokens, language));
}

/** `analyseSentiment` of a whole message, sentence by sentence: a negation never reaches into the
 * next sentence ("Ei toimi ollenkaan. Surkeaa!" is doubly negative, not "not bad"), and a question
 * praises nothing. */
export function analyseTextSentiment(text: string, language: WidgetLocale): SentimentScore {
  const sentences = text.match(/[^.!?\n]+[.!?\n]*/g) ?? [];
  return judged(sentences.reduce((sum, sentence) => sum + scoreOf(tokenize(sentence, language), language, sentence.includes("?")), 0));
}
