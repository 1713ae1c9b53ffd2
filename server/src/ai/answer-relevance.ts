/**
 * How well a knowledge-base passage and its sentences fit a visitor's question: shared content
 * stems, where one stem may be a prefix of the other ("tilaukseni" -> tilau, "tilauksen" -> tilauks).
 */
import type { Language, WidgetLocale } from "@hummdesk/shared";
import { tokenize } from "./text-tokens.ts";

const STOPWORDS: Record<WidgetLocale, ReadonlySet<string>> = {
  fi: new Set(
    "ja tai on ei en et ole olen oli ovat se ne ja että jos kun kuin mutta myös vain voi voiko voinko voitteko miten mikä mitä missä mihin milloin kuinka paljon minä mä mun minun sinä sä te teillä teidän me meidän hän tämä tuo nyt jo vielä niin kanssa hei moi moikka terve kiitos kiitti onko onks saako saanko pitää haluan haluaisin olisi tulee kaikki".split(" "),
  ),
  sv: new Set(
    "och eller är inte jag du ni vi han hon det den de en ett att om när som men också bara kan kunde hur vad var vilken vilka min mitt mina er ert era hej tack har hade ska skulle vill finns med på för till från av i".split(" "),
  ),
  en: new Set(
    "a an the and or is are was were be been not i you we they he she it my your our their me us this that these those if when how what where which who can could would should do does did to of in on at for from with about please hi hello hey thanks thank have has had will just get".split(" "),
  ),
};

const MIN_STEM = 3;
const MIN_PREFIX_MATCH = 4;

export function answerLanguage(language: Language): WidgetLocale {
  return language === "other" ? "en" : language;
}

/** The stems that carry meaning: no stopwords, no one- or two-letter stems. */
export function contentStems(text: string, language: WidgetLocale): string[] {
  const stops = STOPWORDS[language];
  const stems = tokenize(text, language)
    .filter((token) => !stops.has(token.word) && !stops.has(token.folded))
    .map((token) => token.stem)
    .filter((stem) => stem.length >= MIN_STEM);
  return [...new Set(stems)];
}

function stemsMeet(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX_MATCH && long.startsWith(short);
}

/** How many of the question's stems occur among `stems`. */
export function overlap(question: readonly string[], stems: readonly string[]): number {
  return question.filter((q) => stems.some((s) => stemsMeet(q, s))).length;
}

export function splitSentences(body: string): string[] {
  return body
    .replace(/\r/g, "")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.replace(/^[-*•#\s]+/, "").trim())
    .filter((sentence) => sentence.length > 0);
}
