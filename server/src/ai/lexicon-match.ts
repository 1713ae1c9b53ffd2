/**
 * Matches lexicon terms against stemmed tokens. Term notation, chosen so lexicons read as words:
 * `word` matches tokens whose stem starts with the stem of `word` (inflections: "palautus",
 * "palauttaa", "palautan"); `=word` needs the same stem; `~part` matches a fragment anywhere in
 * the stem or the written word (Finnish compounds: "~kuljet" hits "kotiinkuljetuksen", where the
 * stemmer cut the ending); `@word` needs exactly that written form, for the rare word whose stem
 * collides with another ("palaute" feedback vs "palautan" I return); each trailing `!` adds one
 * to the weight of 1; spaces make a phrase of consecutive tokens ("oikea ihminen", "talk to =someone").
 */
import type { WidgetLocale } from "@hummdesk/shared";
import { fold, stemWord, type Token } from "./text-tokens.ts";

type PartRule = { kind: "prefix" | "exact" | "fragment" | "word"; value: string };

export interface CompiledTerm {
  source: string;
  parts: PartRule[];
  weight: number;
}

// Below this length a prefix would match too much ("ei", "or"), so the stem must be equal.
const MIN_PREFIX_STEM = 4;

function compilePart(part: string, language: WidgetLocale): PartRule {
  if (part.startsWith("~")) return { kind: "fragment", value: fold(part.slice(1)) };
  if (part.startsWith("@")) return { kind: "word", value: fold(part.slice(1)) };
  if (part.startsWith("=")) return { kind: "exact", value: stemWord(part.slice(1), language) };
  const stem = stemWord(part, language);
  return { kind: stem.length < MIN_PREFIX_STEM ? "exact" : "prefix", value: stem };
}

export function compileTerms(terms: readonly string[], language: WidgetLocale): CompiledTerm[] {
  return terms.map((source) => {
    const text = source.replace(/!+$/, "");
    const parts = text.trim().split(/\s+/).map((part) => compilePart(part, language));
    return { source, parts, weight: 1 + source.length - text.length };
  });
}

function partMatches(rule: PartRule, token: Token): boolean {
  switch (rule.kind) {
    case "exact":
      return token.stem === rule.value;
    case "prefix":
      return token.stem.startsWith(rule.value);
    case "fragment":
      return token.stem.includes(rule.value) || token.folded.includes(rule.value);
    case "word":
      return token.folded === rule.value;
  }
}

/** True when `term` matches the tokens starting at `index`. */
export function termMatchesAt(term: CompiledTerm, tokens: readonly Token[], index: number): boolean {
  if (index + term.parts.length > tokens.length) return false;
  return term.parts.every((rule, offset) => partMatches(rule, tokens[index + offset]!));
}

export interface LexiconHit {
  term: string;
  index: number;
  length: number;
  weight: number;
}

/**
 * The hits of a term list, at most one per token: the heaviest (then longest) term starting there
 * wins, and a phrase hides the tokens it covers, so "palautus" is not counted twice.
 */
export function findHits(tokens: readonly Token[], terms: readonly CompiledTerm[]): LexiconHit[] {
  const hits: LexiconHit[] = [];
  let index = 0;
  while (index < tokens.length) {
    let best: LexiconHit | null = null;
    for (const term of terms) {
      if (!termMatchesAt(term, tokens, index)) continue;
      const better =
        !best || term.weight > best.weight || (term.weight === best.weight && term.parts.length > best.length);
      if (better) best = { term: term.source, index, length: term.parts.length, weight: term.weight };
    }
    if (best) hits.push(best);
    index += best ? best.length : 1;
  }
  return hits;
}

export function hitWeight(hits: readonly LexiconHit[]): number {
  return hits.reduce((sum, hit) => sum + hit.weight, 0);
}
