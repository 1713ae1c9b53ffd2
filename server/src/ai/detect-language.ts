/**
 * Detects whether a visitor writes Finnish, Swedish or English.
 *
 * Detector choice, measured on classifier-dataset.json (135 support messages) and on its messages
 * cut to their first 2/3/4 words (369 samples), restricted to fi/sv/en:
 *   eld/small     full 132/135, 2 words 96.9 %, 3-4 words 100 %, 48 MB heap, 250 ms load, 11 µs/msg
 *   eld/large     full 133/135, 2 words 98.5 %, 3-4 words 100 %, 155 MB heap, 950 ms load
 *   tinyld        full 132/135, 2 words 96.9 %, 3 words 98.4 %, 17 MB heap (misread
 *                 "do u have a store in vantaa" and "mina plussa poäng syns inte på kontot" as fi)
 *   tinyld/heavy  full 133/135, 2 words 99.2 %, 60 MB heap, but unrestricted it calls
 *                 "palautus tehty 2vk sitten..." Turkish with accuracy 1, so it cannot tell "other".
 * Every detector misses only the 2-3 letter greetings ("hi", "moi"), which the fallback handles.
 * eld/small is used: as accurate as the large database on whole messages, a third of its memory,
 * and its unrestricted mode reliably spots German, Spanish, Polish... as "other".
 *
 * Its database takes about a second to load on a 2-core machine, so it is loaded on first need
 * (`loadLanguageDetector`, awaited by the built-in provider before it classifies), not at start.
 */
import type { Language, WidgetLocale } from "@hummdesk/shared";

export interface LanguageGuess {
  language: Language;
  /** 0..1: how sure the detector was; 0.5 when the fallback decided. */
  confidence: number;
  /** True when the text was too short or too unclear and `fallback` was used. */
  usedFallback: boolean;
}

const SUPPORTED: readonly WidgetLocale[] = ["fi", "sv", "en"];
// Languages a detector confuses with ours on short text: never call those "other".
const NEIGHBOURS = new Set(["no", "nb", "nn", "da", "is", "fo", "et"]);
// Fewer letters than this ("Hi!", "Moi", "Hej", "kiitos") say nothing reliable about language.
const MIN_LETTERS = 8;
// A message must have this many words before we dare to answer "other".
const MIN_WORDS_FOR_OTHER = 4;
// When the detector is unsure and the inbox's language scores within this ratio of the winner,
// the inbox's language wins the tie.
const NEAR_TIE = 0.9;

type Detector = ReturnType<(typeof import("eld/small"))["eld"]["newInstance"]>;
let detectors: { restricted: Detector; unrestricted: Detector } | null = null;
let loading: Promise<void> | null = null;

/** Loads eld's language database, once; `detectLanguage` needs it. */
export function loadLanguageDetector(): Promise<void> {
  loading ??= import("eld/small").then(({ eld }) => {
    const restricted = eld.newInstance();
    restricted.setLanguageSubset([...SUPPORTED]);
    detectors = { restricted, unrestricted: eld.newInstance() };
  });
  return loading;
}

function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

function isSupported(code: string): code is WidgetLocale {
  return (SUPPORTED as readonly string[]).includes(code);
}

/** Text the detector should see: no URLs, e-mail addresses, order numbers or codes. */
function detectableText(text: string): string {
  return text
    .replace(/\S+@\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\S*\d\S*/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function detectLanguage(text: string, fallback: WidgetLocale, history: readonly string[] = []): LanguageGuess {
  if (!detectors) throw new Error("the language detector is not loaded: await loadLanguageDetector() first");
  const { restricted, unrestricted } = detectors;
  let sample = detectableText(text);
  // A short reply ("ok kiitos") takes its language from what the visitor wrote before.
  if (letterCount(sample) < MIN_LETTERS * 2 && history.length > 0) {
    sample = detectableText([...history.slice(-3), text].join(" \n"));
  }
  if (letterCount(sample) < MIN_LETTERS) return { language: fallback, confidence: 0.5, usedFallback: true };

  const wordCount = sample.split(" ").length;
  if (wordCount >= MIN_WORDS_FOR_OTHER) {
    const open = unrestricted.detect(sample);
    if (open.language && !isSupported(open.language) && !NEIGHBOURS.has(open.language) && open.isReliable()) {
      return { language: "other", confidence: round(open.getScores()[open.language] ?? 0.5), usedFallback: false };
    }
  }

  const result = restricted.detect(sample);
  const scores = result.getScores();
  const winner = result.language;
  if (!isSupported(winner)) return { language: fallback, confidence: 0.5, usedFallback: true };
  const winnerScore = scores[winner] ?? 0;
  const fallbackScore = scores[fallback] ?? 0;
  if (winner !== fallback && !result.isReliable() && fallbackScore >= winnerScore * NEAR_TIE) {
    return { language: fallback, confidence: round(fallbackScore), usedFallback: true };
  }
  const runnerUp = Math.max(0, ...SUPPORTED.filter((code) => code !== winner).map((code) => scores[code] ?? 0));
  const margin = winnerScore > 0 ? (winnerScore - runnerUp) / winnerScore : 0;
  const confidence = result.isReliable() ? 0.7 + 0.3 * margin : 0.5 + 0.3 * margin;
  return { language: winner, confidence: round(confidence), usedFallback: false };
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
