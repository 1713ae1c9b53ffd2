/**
 * Sentiment words per language for the built-in classifier (lexicon-match.ts notation). A negator
 * flips the polarity of the next few words: "ei toimi", "inte bra", "not happy" read negative.
 * Facts ("wrong door delivered", "väärä tuote", "fel vara") are not feelings and are not listed, and
 * neither is damage ("broken", "cracked", "rikki", "trasig"): a calm report of a fault is a complaint
 * (category-lexicon.ts) that the AI can answer, while "terrible", "surkeaa", "besviken" are feelings.
 */
import type { WidgetLocale } from "@hummdesk/shared";

export interface SentimentLexicon {
  positive: readonly string[];
  negative: readonly string[];
  /** Politeness ("kiitos", "tack", "thanks") counts as a little positive, never enough alone. */
  polite: readonly string[];
  negators: readonly string[];
}

const fi: SentimentLexicon = {
  positive: [
    "~hyva", "=hyvin", "~loistav", "~mahtav", "=kiva", "~ihana", "=tyytyväinen", "~tyytyvaise",
    "~erinomai", "~huippu", "~upea", "=super", "=toimii", "=toimi", "~onnistu", "~kiitolli",
    "~kateva", "~selkea", "~ystavalli",
  ],
  negative: [
    "~huono!", "~surke!", "~kamala!", "~kauhea!", "~petty!", "~vihai!", "~arsytt!",
    "~arvoi", "~naurett!", "~toykea!", "~myohas", "~ongelm", "~puuttu", "~tyytymat!",
    "~karsea", "~paska!", "~perkele!", "~skandaal!", "~sotku", "~epaonnist", "~turhaut!", "~jarkyt!",
    "~hirvea!", "~kurja", "~raivo!", "~suuttu!",
  ],
  polite: ["~kiito", "~kiitt", "=kiitti", "=kiitos"],
  negators: ["=ei", "=en", "=et", "=emme", "=ette", "=eivät", "=eikä", "=ilman"],
};

const sv: SentimentLexicon = {
  positive: [
    "=bra", "~jattebra", "~toppen", "=nöjd", "=nöjda", "~perfekt", "~utmarkt", "~trevlig",
    "=fungerar", "=funkar", "~underbar", "~smidig", "=grym", "~fantast",
  ],
  negative: [
    "~dalig!", "~usel!", "~hemsk!", "~besvik!", "=arg!", "~irriter!",
    "~oaccept!", "~samst!", "~oforskam!", "~forsena", "~problem", "~saknas", "~missnoj!",
    "~bedrovl!", "~skandal!", "~katastrof!", "~frustrer!", "~ilsk!", "~tyvarr",
  ],
  polite: ["=tack", "~tacksam"],
  negators: ["=inte", "=ej", "=aldrig", "=ingen", "=inget", "=inga", "=icke"],
};

const en: SentimentLexicon = {
  positive: [
    "=good", "~great", "~happi", "=love", "~excellent", "~perfect", "~awesom", "=nice", "~amaz",
    "~fantast", "~wonder", "=work", "~satisfi", "=glad", "~brilliant", "~appreci",
    "~friend",
  ],
  negative: [
    "=bad!", "~terribl!", "~awful!", "~horribl!", "~angri!", "~annoy!", "~disappoint!", "~unaccept!",
    "=worst!", "~useless!", "=rude!", "~ridicul!", "~frustrat!", "=late", "=delay",
    "~problem", "=poor", "~scam!", "~furious!", "~unhappi!", "~disgust!",
    "=hate!", "~worse", "=stuck", "=fail", "~rubbish!", "~pathet!", "~incompet!",
  ],
  polite: ["=thank", "=thx", "=ty", "~cheer"],
  negators: [
    "=not", "=no", "=never", "=don't", "=dont", "=doesn't", "=doesnt", "=didn't", "=didnt", "=isn't",
    "=isnt", "=wasn't", "=wasnt", "=can't", "=cant", "=cannot", "=won't", "=wont", "=haven't",
    "=havent", "=hasn't", "=hasnt", "=aren't", "=arent", "=nothing", "=nobodi",
  ],
};

export const SENTIMENT_LEXICONS: Record<WidgetLocale, SentimentLexicon> = { fi, sv, en };
