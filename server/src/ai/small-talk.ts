/**
 * Recognises small talk ("Hi", "Hej", "Moi", "Thanks, that helped!", "ok", "am I talking to a
 * bot?"): it gets a short reply in kind, never a hand-over. The words also tell the language of a
 * message too short for the detector.
 */
import type { WidgetLocale } from "@hummdesk/shared";
import { fold, words } from "./text-tokens.ts";

/** identity: the visitor asks whether a bot or a person answers ("is this a real chat?"). */
export type SmallTalkKind = "greeting" | "thanks" | "ack" | "identity";

export interface SmallTalk {
  kind: SmallTalkKind;
  /** The language its words belong to; null when they fit several ("ok"). */
  language: WidgetLocale | null;
}

const MAX_WORDS = 7;

type WordKind = Exclude<SmallTalkKind, "identity"> | "filler";

const VOCABULARY: Record<WidgetLocale, Record<WordKind, string>> = {
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
) as Record<WidgetLocale, Record<WordKind, Set<string>>>;

const kindOf = (word: string, language: WidgetLocale): WordKind | null => {
  for (const kind of ["thanks", "greeting", "ack", "filler"] as const) if (lists[language][kind].has(word)) return kind;
  return null;
};

// "Am I talking to a bot?", "Oletko botti?", "Är du en robot eller en människa?": asked about who
// answers, on folded text. A question, not a request: "can I talk to a human" is not one of these.
const IDENTITY: Record<WidgetLocale, RegExp> = {
  en: /^(?:(?:hi|hello|hey|so|wait|ok|okay)\s+)?(?:are you|am i (?:talking|chatting|speaking|writing) (?:to|with)|is this|is it|is that) (?:a |an |just a |really a |real |a real |an actual |actually a )*(?:bot|chatbot|robot|ai|human|person|machine|computer|automated|automatic|real chat|live chat|real person|live person)\b/,
  fi: /^(?:(?:hei|moi|ok|okei)\s+)?(?:oletko|ootko|onko (?:tama|tää|taa|tuo)|puhunko|juttelenko|keskustelenko|chattaanko|kirjoitanko)\b.*\b(?:botti\w*|botin|robot\w*|tekoaly\w*|ihmi\w*|kone\w*|automaat\w*|oikea\w*|oikean)\b/,
  sv: /^(?:(?:hej|hallå|halla|ok|okej)\s+)?(?:ar du|ar det (?:har|en)|ar detta|pratar jag med|chattar jag med|skriver jag med|talar jag med)\b.*\b(?:bot\w*|robot\w*|ai|manniska\w*|maskin\w*|automat\w*|riktig\w*|verklig\w*)\b/,
};
// A request said alongside ("are you a bot? I want a human") is a request for a person.
const REQUEST = /\b(?:want|need|let me|can i|could i|haluan|haluaisin|tahdon|voinko|voisinko|vill|kan jag|får jag|far jag)\b/;
const IDENTITY_MAX_WORDS = 10;

function identity(text: string): SmallTalk | null {
  const folded = words(text).map(fold).join(" ");
  if (words(text).length > IDENTITY_MAX_WORDS || REQUEST.test(folded)) return null;
  for (const language of ["fi", "sv", "en"] as const) if (IDENTITY[language].test(folded)) return { kind: "identity", language };
  return null;
}

export function smallTalk(text: string): SmallTalk | null {
  const asked = identity(text);
  if (asked) return asked;
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
