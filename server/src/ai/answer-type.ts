/**
 * What kind of fact a question asks for, and whether a quoted text holds one: a price ("how much",
 * "paljonko", "vad kostar") wants an amount in euros; a duration or a time ("how long", "kauanko",
 * "hur länge", "when", "milloin", "när") wants a number of days or hours, or clock times; "how
 * many days" wants days ("days", and "hours" likewise). A quote that holds the asked kind of fact
 * is stronger evidence that it answers. Pure.
 */
import type { WidgetLocale } from "@hummdesk/shared";
import { fold } from "./text-tokens.ts";

export type AnswerType = "price" | "time" | "days" | "hours";

// Folded, lowercase; matched as whole words or phrases in the folded question.
const CUES: Record<AnswerType, Record<WidgetLocale, readonly string[]>> = {
  price: {
    en: ["how much", "what does it cost", "cost", "costs", "price", "prices", "fee", "fees", "charge for"],
    fi: ["paljonko", "mita maksaa", "maksaa", "hinta", "hinnat", "hintaa", "maksu", "kustannus", "kustantaa"],
    sv: ["vad kostar", "kostar", "kosta", "pris", "priset", "avgift", "avgiften", "hur mycket kostar"],
  },
  time: {
    en: ["how long", "how soon", "how quickly", "how fast", "when", "what time", "how many days", "how many hours", "opening hours", "until when"],
    fi: ["kauanko", "kuinka kauan", "kuinka pian", "kuinka nopeasti", "milloin", "mihin aikaan", "monelta", "koska", "montako paivaa", "kuinka monta paivaa", "kauan"],
    sv: ["hur lange", "hur lang tid", "hur snabbt", "hur fort", "nar", "hur dags", "vilken tid", "vilka tider", "hur manga dagar", "inom hur"],
  },
  // A time asked in one unit: the paragraph that counts in that unit answers it ("how many days
  // will it wait?" is the 7 days, not the two hours).
  days: {
    en: ["how many days", "how many working days", "number of days"],
    fi: ["montako paivaa", "kuinka monta paivaa", "monta paivaa", "montako arkipaivaa", "kuinka monta arkipaivaa"],
    sv: ["hur manga dagar", "hur manga vardagar", "antal dagar"],
  },
  hours: {
    en: ["how many hours"],
    fi: ["montako tuntia", "kuinka monta tuntia", "monta tuntia"],
    sv: ["hur manga timmar"],
  },
};

const ANSWERS: Record<AnswerType, RegExp> = {
  price: /\d\s*(?:[.,]\d+)?\s*(?:€|euro|eur\b)|€\s*\d/iu,
  // A number of days, or of hours, in digits or words.
  days: /\d+\s*(?:working\s+)?(?:days?|arkipäiv\p{L}*|päiv\p{L}*|vardag\p{L}*|dag\p{L}*)|\b(?:two|three|four|five|seven|kahden|kolmen|två|tre)\s+(?:working\s+)?(?:days?|arkipäiv\p{L}*|vardag\p{L}*|dag\p{L}*)/iu,
  hours: /\d+\s*(?:hours?|tunn\p{L}*|timm\p{L}*)|\b(?:two|three|kahden|kolmen|kahdessa|två|tre)\s+(?:hours?|tunn\p{L}*|timm\p{L}*)/iu,
  // A number of days, hours, minutes, weeks, months or years, or a clock time ("7–21", "8:00").
  time: /\d+(?:\s*[–-]\s*\d+)?\s*(?:working\s+)?(?:days?|hours?|minutes?|weeks?|months?|years?|arkipäiv\p{L}*|päiv\p{L}*|tunn\p{L}*|minuut\p{L}*|viiko\p{L}*|kuukau\p{L}*|vuo\p{L}*|vardag\p{L}*|dag\p{L}*|timm\p{L}*|minut\p{L}*|veck\p{L}*|månad\p{L}*|år\b)|\b(?:kl\.?|klo)\s*\d|\d{1,2}[:.]\d{2}\s*[–-]\s*\d{1,2}[:.]\d{2}|\b(?:two|three|four|five|seven|kahden|kolmen|kahdessa|två|tre)\s+(?:working\s+)?(?:days?|hours?|arkipäiv\p{L}*|tunn\p{L}*|vardag\p{L}*|timm\p{L}*)/iu,
};

/** The kinds of fact the question asks for (none for a yes/no or an open question). */
export function askedTypes(question: string, language: WidgetLocale): AnswerType[] {
  const text = ` ${fold(question).replace(/[^\p{L}\d]+/gu, " ")} `;
  return (Object.keys(CUES) as AnswerType[]).filter((type) => CUES[type][language].some((cue) => text.includes(` ${cue} `)));
}

/** Whether `text` holds a fact of `type`. */
export function holdsAnswer(text: string, type: AnswerType): boolean {
  return ANSWERS[type].test(text);
}
