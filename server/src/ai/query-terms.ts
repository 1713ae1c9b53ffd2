/**
 * The weighted content terms of a visitor's question: snowball stems without stop words, where a
 * word of a category lexicon that names what the visitor wants done (return, delivery, opening
 * hours) weighs more than a product noun (drill, paint), so "how do returns work, I bought a
 * drill" is about returns.
 */
import { AI_CATEGORIES, type AICategory, type WidgetLocale } from "@hummdesk/shared";
import { FILLER_WORDS, STOPWORDS } from "./answer-relevance.ts";
import { CATEGORY_LEXICONS } from "./category-lexicon.ts";
import { type CompiledTerm, compileTerms, findHits } from "./lexicon-match.ts";
import { isSpecificWord } from "./specific-words.ts";
import { PHRASES, SYNONYM_GROUPS } from "./synonyms.ts";
import { fold, stemWord, type Token, tokenize, words } from "./text-tokens.ts";

export interface QueryTerm {
  stem: string;
  weight: number;
  /** The categories whose lexicon names this word: an article of one of them is about it. */
  categories: AICategory[];
  /** Stems of words that ask for the same thing (synonyms.ts). */
  alternatives: string[];
  /** It names a place, a day or an item's stock (specific-words.ts): an article that lacks it does not answer. */
  specific: boolean;
}

/** A word of a category lexicon other than product_question: what the visitor wants done. */
export const INTENT_WEIGHT = 2;
/** A word only product_question's lexicon knows: usually the product the question mentions. */
export const PRODUCT_WEIGHT = 0.7;
const MIN_STEM = 3;

/** Changing or moving something ("muuttaa", "flytta", "reschedule"): in a question that names an
 * order or its delivery ("can I move the delivery day?") it asks for an order change, which the
 * order article answers, not the one describing deliveries. Elsewhere ("change my email") it is
 * a plain word, and never a classifier word. */
const ORDER_CHANGE: Record<WidgetLocale, readonly string[]> = {
  fi: ["~muutta", "~muutos", "~siirta", "~siirto", "~siirra"],
  sv: ["~flytta", "~andra", "~ombok"],
  en: ["=chang", "~reschedul", "~postpon", "=move"],
};
const ORDER_CHANGE_CONTEXT: readonly AICategory[] = ["order_status", "delivery"];
const orderChange = new Map<WidgetLocale, CompiledTerm[]>();

const compiled = new Map<WidgetLocale, Record<AICategory, CompiledTerm[]>>();

function lexiconFor(language: WidgetLocale): Record<AICategory, CompiledTerm[]> {
  let lexicon = compiled.get(language);
  if (!lexicon) {
    const source = CATEGORY_LEXICONS[language];
    lexicon = Object.fromEntries(AI_CATEGORIES.map((c) => [c, compileTerms(source[c], language)])) as Record<AICategory, CompiledTerm[]>;
    compiled.set(language, lexicon);
  }
  return lexicon;
}

/** A word only in the message's statements when it also asks a question ("I bought a drill last
 * week. How do returns work?"): context, not the ask. */
export const CONTEXT_WEIGHT = 0.5;

/** Marks each word of `text` that stands in a sentence ending with "?". */
function inQuestions(text: string): boolean[] {
  const marks: boolean[] = [];
  for (const sentence of text.match(/[^.!?\n]+[.!?\n]*/g) ?? []) {
    const asked = sentence.includes("?");
    for (const _ of words(sentence)) marks.push(asked);
  }
  return marks;
}

/** A synonym counts this much of the word itself. */
export const SYNONYM_MATCH = 0.8;
const synonymStems = new Map<WidgetLocale, string[][]>();

function alternativesOf(stem: string, language: WidgetLocale): string[] {
  let groups = synonymStems.get(language);
  if (!groups) {
    groups = SYNONYM_GROUPS[language].map((group) => [...new Set(group.map((word) => stemWord(word, language)))]);
    synonymStems.set(language, groups);
  }
  const alternatives = new Set<string>();
  for (const group of groups) {
    if (!group.some((member) => stemMatch(stem, member) >= 0.8)) continue;
    for (const member of group) if (stemMatch(stem, member) < 0.8) alternatives.add(member);
  }
  return [...alternatives];
}

const phraseStems = new Map<WidgetLocale, { parts: string[]; word: Token }[]>();

// Words that may stand between a verb and its particle ("tuoda lamppu takaisin").
const PHRASE_GAP = 2;

/** Tokens with each two-word phrase of `PHRASES` ("lämna tillbaka", "tuoda … takaisin") read as
 * its one word ("returnera"), and the question marks of `asked` kept in step. */
function readPhrases(tokens: Token[], asked: boolean[], language: WidgetLocale): { tokens: Token[]; asked: boolean[] } {
  let phrases = phraseStems.get(language);
  if (!phrases) {
    phrases = PHRASES[language].map(([phrase, word]) => ({
      parts: phrase.split(" ").map((part) => stemWord(part, language)),
      word: { word, folded: fold(word), stem: stemWord(word, language) },
    }));
    phraseStems.set(language, phrases);
  }
  const read = tokens.map((token) => token as Token | null);
  for (let i = 0; i < read.length; i++) {
    for (const { parts, word } of phrases) {
      const [verb, particle] = parts as [string, string];
      if (!read[i] || stemMatch(verb, read[i]!.stem) < 0.8) continue;
      const at = read.findIndex((token, j) => j > i && j <= i + 1 + PHRASE_GAP && token !== null && stemMatch(particle, token.stem) >= 0.8);
      if (at < 0) continue;
      read[i] = word;
      read[at] = null;
      break;
    }
  }
  const kept = read.flatMap((token, i) => (token ? [{ token, asked: asked[i] ?? false }] : []));
  return { tokens: kept.map((k) => k.token), asked: kept.map((k) => k.asked) };
}

const isFiller = (token: Token, language: WidgetLocale) => FILLER_WORDS[language].has(token.word) || FILLER_WORDS[language].has(token.folded);

export interface ReadQuestion {
  terms: QueryTerm[];
  /** Filler words (answer-relevance.ts) of the question: no terms, but part of its length. */
  fillerWords: number;
}

export function queryTerms(text: string, language: WidgetLocale): QueryTerm[] {
  return readQuestion(text, language).terms;
}

/** `queryTerms` with the count of filler words the terms leave out (compose-answer.ts weighs a
 * question's length by both). */
export function readQuestion(text: string, language: WidgetLocale): ReadQuestion {
  const clipped = text.slice(0, 2000);
  const { tokens, asked } = readPhrases(tokenize(clipped, language), inQuestions(clipped), language);
  const hasQuestion = asked.some(Boolean) && asked.length === tokens.length;
  const lexicon = lexiconFor(language);
  const hits = tokens.map(() => new Set<AICategory>());
  for (const category of AI_CATEGORIES) {
    if (category === "other") continue;
    for (const hit of findHits(tokens, lexicon[category])) {
      for (let i = hit.index; i < hit.index + hit.length; i++) hits[i]?.add(category);
    }
  }
  if (hits.some((categories) => ORDER_CHANGE_CONTEXT.some((category) => categories.has(category)))) {
    let change = orderChange.get(language);
    if (!change) {
      change = compileTerms(ORDER_CHANGE[language], language);
      orderChange.set(language, change);
    }
    for (const hit of findHits(tokens, change)) {
      for (let i = hit.index; i < hit.index + hit.length; i++) hits[i]?.add("order_status");
    }
  }
  const stops = STOPWORDS[language];
  const terms = new Map<string, QueryTerm>();
  let fillerWords = 0;
  tokens.forEach((token, index) => {
    if (isFiller(token, language)) {
      fillerWords++;
      return;
    }
    if (stops.has(token.word) || stops.has(token.folded) || token.stem.length < MIN_STEM || /^\d+$/.test(token.stem)) return;
    const categories = [...(hits[index] ?? [])];
    const intent = categories.some((category) => category !== "product_question");
    const context = hasQuestion && !asked[index] ? CONTEXT_WEIGHT : 1;
    const weight = context * (intent ? INTENT_WEIGHT : categories.length > 0 ? PRODUCT_WEIGHT : 1);
    const known = terms.get(token.stem);
    if (!known || known.weight < weight)
      terms.set(token.stem, { stem: token.stem, weight, categories, alternatives: known?.alternatives ?? alternativesOf(token.stem, language), specific: isSpecificWord(token.word, language) });
  });
  return { terms: [...terms.values()], fillerWords };
}

/** How strongly a query stem matches a text stem: equal 1; another inflection of the same word
 * (a long shared beginning: "palautus", "palautuks") 0.8; a compound's first part or a short
 * prefix ("toimi" of "toimitus") 0.5; a compound's later part ("kuljetus" in "kotiinkuljetus") 0.6. */
export function stemMatch(query: string, stem: string): number {
  if (query === stem) return 1;
  const [short, long] = query.length <= stem.length ? [query, stem] : [stem, query];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common >= 6 && common >= short.length - 2) return 0.8;
  if (common === short.length && short.length >= 4 && long.length - short.length <= 3) return 0.8;
  if (common === short.length && short.length >= 5) return 0.5;
  if (query.length >= 6 && stem.length > query.length && stem.endsWith(query)) return 0.6;
  return 0;
}

/** How strongly a query term matches a text stem: the word's own forms by `stemMatch`, a synonym's
 * forms at SYNONYM_MATCH of that. */
export function termMatch(term: QueryTerm, stem: string): number {
  let best = stemMatch(term.stem, stem);
  if (best >= 1) return best;
  for (const alternative of term.alternatives) best = Math.max(best, SYNONYM_MATCH * stemMatch(alternative, stem));
  return best;
}
