/**
 * Picks what a built-in answer quotes from an article: one whole paragraph, the one holding the
 * most of the question's weighted terms, never sentence fragments stitched together. Sentences
 * are split abbreviation-safe ("klo 7–21", "kl. 7–21", "esim.", "t.ex.", "e.g.") only to drop a
 * sentence that reads like an instruction.
 */
import type { WidgetLocale } from "@hummdesk/shared";
import { type QueryTerm, queryTerms, termMatch } from "./query-terms.ts";
import { tokenize } from "./text-tokens.ts";

// Abbreviations after which a full stop does not end a sentence (lowercase, without the dot).
const ABBREVIATIONS = new Set(
  "kl klo esim ks mm n ns ym yms jne tms puh os t.ex bl.a s.k t.o.m d.v.s dvs osv m.m resp ca e.g i.e etc vs approx no nr st mr mrs dr inkl exkl max min".split(" "),
);

export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r/g, "")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** Sentences of a paragraph; a dot after an abbreviation, an initial or a number does not split. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["”’)]*\s+/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(start, match.index + 1);
    const lastWord = (before.match(/(\S+)$/)?.[1] ?? "").toLowerCase().replace(/[.!?]+$/, "");
    const next = text.slice(match.index + match[0].length);
    const abbreviation = match[0].startsWith(".") && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord));
    const continues = /^[\p{Ll}\d–-]/u.test(next);
    if (abbreviation || (match[0].startsWith(".") && continues)) continue;
    sentences.push(text.slice(start, match.index + match[0].trimEnd().length).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => sentence.length > 0);
}

// Each later paragraph needs this much more evidence to win over an earlier one.
const LATER_PARAGRAPH = 0.05;

function paragraphScore(terms: readonly QueryTerm[], paragraph: string, language: WidgetLocale, index: number): number {
  const stems = tokenize(paragraph, language).map((token) => token.stem);
  let score = 0;
  for (const term of terms) {
    const best = Math.max(0, ...stems.map((stem) => termMatch(term, stem)));
    // Another inflection of the same word is the same word here ("palauttaa", "palautus").
    score += term.weight * (best >= 0.8 ? 1 : best);
  }
  return score * (1 - LATER_PARAGRAPH * index);
}

/** The paragraphs of `body` in order of fit to the question; earlier wins a tie (articles lead
 * with their main rule). */
export function rankParagraphs(question: string, body: string, language: WidgetLocale): RankedParagraph[] {
  return rankParagraphsByTerms(queryTerms(question, language), body, language);
}

export interface RankedParagraph {
  paragraph: string;
  index: number;
  score: number;
}

/** `rankParagraphs` for a question already read into its terms (the composer quotes up to two
 * articles for one question). */
export function rankParagraphsByTerms(terms: readonly QueryTerm[], body: string, language: WidgetLocale): RankedParagraph[] {
  return splitParagraphs(body)
    .map((paragraph, index) => ({ paragraph, index, score: paragraphScore(terms, paragraph, language, index) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
