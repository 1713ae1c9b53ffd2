/**
 * Sentiment words per language for the built-in classifier (lexicon-match.ts notation). A negator
 * flips the polarity of the next few words: "ei toimi", "inte bra", "not happy" read negative.
 * Facts ("wrong door delivered", "väärä tuote", "fel vara") are not feelings and are not listed.
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
    "~huono!", "~surke!", "~kamala!", "~kauhea!", "~rikki", "~viall", "~petty!", "~vihai!", "~arsytt!",
    "~arvoi", "~naurett!", "~toykea!", "~myohas", "~ongelm", "~puuttu", "~hajo", "~vauri", "~tyytymat!",
    "~karsea", "~paska!", "~perkele!", "~skandaal!", "~sotku", "~epaonnist", "~turhaut!", "~jarkyt!",
    "~hirvea!", "~kurja", "~raivo!", "~suuttu!", "=vika",
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
    "~dalig!", "~usel!", "~hemsk!", "~trasig", "~skadad", "~sonder", "~besvik!", "=arg!", "~irriter!",
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
    "=worst!", "=broken", "~damag", "~useless!", "=rude!", "~ridicul!", "~frustrat!", "=late", "=delay",
    "~problem", "~defect", "~fault", "=poor", "~scam!", "~furious!", "~unhappi!", "~disgust!",
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
