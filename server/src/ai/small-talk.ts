/**
 * Recognises small talk ("Hi", "Hej", "Moi", "Thanks, that helped!", "ok"): it gets a short reply
 * in kind, never a hand-over. The words also tell the language of a message too short for the
 * detector.
 */
import type { WidgetLocale } from "@hummdesk/shared";
import { fold, words } from "./text-tokens.ts";

export type SmallTalkKind = "greeting" | "thanks" | "ack";

export interface SmallTalk {
  kind: SmallTalkKind;
  /** The language its words belong to; null when they fit several ("ok"). */
  language: WidgetLocale | null;
}

const MAX_WORDS = 7;

const VOCABULARY: Record<WidgetLocale, Record<SmallTalkKind | "filler", string>> = {
  fi: {
    greeting: "hei heippa moi moikka moro morjens terve päivää paivaa huomenta iltaa hyvää hyvaa",
    thanks: "kiitos kiitti kiitoksia kiitokset kiitän",
    ack: "okei selvä selva joo jep jes kiva hyvä hyva mahtavaa loistavaa asia",
    filler: "paljon tosi avusta vastauksesta auttoi tämä tama se oli ja vaan vain nähdään nahdaan päivänjatkoa paivanjatkoa taas kaikille siinä siina kaikki mitä mita tarvitsin halusin toi tuo tää taa apua hyödyllinen hyodyllinen todella ihan nyt selvisi ymmärrän ymmarran ymmärsin ymmarsin super hienoa",
  },
  sv: {
    greeting: "hej hejsan tjena tja hallå halla god dag morgon kväll kvall",
    thanks: "tack tackar",
    ack: "okej bra toppen kanon perfekt jättebra jattebra",
    filler: "så sa mycket för for hjälpen hjalpen det hjälpte hjalpte svaret och där dar igen alla var allt jag behövde behovde ville veta verkligen jättesnällt jattesnallt snällt snallt tusen hjälpsamt hjalpsamt förstår forstar nu",
  },
  en: {
    greeting: "hi hello hey hiya good morning afternoon evening",
    thanks: "thanks thank thx ty cheers",
    ack: "okay alright great cool perfect fine nice awesome",
    filler: "you so very much for the that this it helped help answer and a lot there again all everyone thats that's i needed wanted to know really truly helpful useful appreciated appreciate it's its was is got understood brilliant lovely makes sense",
  },
};
const SHARED_ACK = new Set(["ok", "kk", "k"]);

const lists = Object.fromEntries(
  (Object.keys(VOCABULARY) as WidgetLocale[]).map((language) => [
    language,
    Object.fromEntries(Object.entries(VOCABULARY[language]).map(([kind, list]) => [kind, new Set(list.split(" ").map(fold))])),
  ]),
) as Record<WidgetLocale, Record<SmallTalkKind | "filler", Set<string>>>;

const kindOf = (word: string, language: WidgetLocale): SmallTalkKind | "filler" | null => {
  for (const kind of ["thanks", "greeting", "ack", "filler"] as const) if (lists[language][kind].has(word)) return kind;
  return null;
};

export function smallTalk(text: string): SmallTalk | null {
  const tokens = words(text).map(fold);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  let best: { language: WidgetLocale; kinds: Set<string> } | null = null;
  let fits = 0;
  for (const language of ["fi", "sv", "en"] as const) {
    const kinds = tokens.map((word) => (SHARED_ACK.has(word) ? "ack" : kindOf(word, language)));
    if (kinds.some((kind) => kind === null)) continue;
    const set = new Set(kinds as string[]);
    if (!set.has("greeting") && !set.has("thanks") && !set.has("ack")) continue;
    fits++;
    best ??= { language, kinds: set };
  }
  if (!best) return null;
  const kind: SmallTalkKind = best.kinds.has("thanks") ? "thanks" : best.kinds.has("greeting") ? "greeting" : "ack";
  const onlyShared = tokens.every((word) => SHARED_ACK.has(word));
  return { kind, language: fits === 1 && !onlyShared ? best.language : null };
}
