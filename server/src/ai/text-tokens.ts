/** Splits visitor text into lowercase words and their snowball stems (fi, sv, en), folded for matching. */
import type { WidgetLocale } from "@hummdesk/shared";
import { newStemmer, type Stemmer } from "snowball-stemmers";

export interface Token {
  /** The word as written, lowercased. */
  word: string;
  /** The word with å/ä/ö and accents folded away, so "mista" and "mistä" meet. */
  folded: string;
  /** The snowball stem of the word, folded the same way. */
  stem: string;
}

const ALGORITHMS: Record<WidgetLocale, string> = { fi: "finnish", sv: "swedish", en: "english" };
const stemmers = new Map<WidgetLocale, Stemmer>();
const stemCache = new Map<string, string>();

// Words, numbers and English contractions ("don't") stay whole; everything else separates.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lowercases and folds Nordic letters and accents: visitors often type "loydan" for "löydän". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

export function words(text: string): string[] {
  // "€100" and "100 euros" say the same: the sign reads as the word.
  // "12 V" and "12V", "2–5 Ah" and "5Ah" say the same: a number and its unit read as one word.
  const spelled = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/€/g, " euro ")
    .replace(/(\d)\s?(v|ah|w|kg|mm|cm)(?![\p{L}\d])/gu, "$1$2");
  return (spelled.match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

export function stemWord(word: string, language: WidgetLocale): string {
  const key = `${language}:${word}`;
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = newStemmer(ALGORITHMS[language]);
    stemmers.set(language, stemmer);
  }
  const stem = fold(stemmer.stem(word.toLowerCase()));
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(key, stem);
  return stem;
}

export function tokenize(text: string, language: WidgetLocale): Token[] {
  return words(text).map((word) => ({ word, folded: fold(word), stem: stemWord(word, language) }));
}
