/**
 * Words that change how a conversation is handled rather than what it is about: a visitor asking
 * for a person (handoff) and urgency (priority), per language, in lexicon-match.ts notation.
 */
import type { WidgetLocale } from "@hummdesk/shared";

export interface IntentCues {
  /** Phrases that ask for a person by themselves ("talk to", "oikea ihminen"). */
  handoff: readonly string[];
  /** Words naming a person or the team: a hand-off only together with a `request` word, so
   * "Vilka öppettider har kundtjänst?" (a mention) is a question about hours. */
  person: readonly string[];
  request: readonly string[];
  urgent: readonly string[];
  /** Phrases that contain an urgent word without being urgent ("heti kun" = "as soon as"). */
  notUrgent: readonly string[];
}

const fi: IntentCues = {
  handoff: [
    "=oikea ~ihmi", "=oikean ~ihmi", "=puhua =jonkun", "=jonkun =kanssa", "~asiakaspalvelun =kanssa",
    "~asiakaspalvelijan =kanssa", "~soittak", "~soittaisi", "~joku =ihminen", "~yhteys =asiakaspalv",
    "~ihmisen =apu", "~ihmisen =kanssa",
  ],
  person: [
    "~ihmi", "~asiakaspalvelija", "~asiakaspalveluun", "~henkilokun", "=henkilö", "~henkilol",
    "~tyontekij", "~myyjan", "~myyjalle", "~bott", "=botti", "~robot",
  ],
  request: [
    "=haluan", "=haluaisin", "~voinko", "~saanko", "~saisinko", "~voisiko", "~tarvitsen", "~pyyda",
    "~yhdista", "~puhu", "~jutel", "~soit", "=kiitos", "=pliis",
  ],
  urgent: ["~kiire", "=heti", "~valittom", "~pikaise", "=hätä", "~hatatila", "=asap", "~akuutt"],
  notUrgent: ["=heti =kun", "=ei =kiire", "=ei =ole =kiire", "=ei =kiirettä"],
};

const sv: IntentCues = {
  handoff: [
    "=riktig =person", "=prata =med", "=tala =med", "=ring =mig", "~personalen =direkt", "=någon =person",
    "=levande", "=en =människa", "=ringa =upp", "=ring =upp",
  ],
  person: ["~manniska", "=en =person", "~kundtjanst", "~handlaggar", "~medarbetar", "~saljar", "=bot", "=boten"],
  request: ["=vill", "=kan =jag", "=får =jag", "~behov", "=prata", "=tala", "=ring", "~koppla", "=snälla", "=tack"],
  urgent: ["~bradsk", "=akut", "~omedelbar", "=genast", "=asap", "~snarast", "~nodfall", "~nodlage"],
  notUrgent: ["=ingen =brådska", "=inte =bråttom"],
};

const en: IntentCues = {
  handoff: [
    "=real =person", "=talk =to", "=speak =to", "=speak =with", "=talk =with", "=chat =with =someon",
    "=to =someon", "=with =someon", "=call =me", "=call =back", "=customer =servic =person",
  ],
  person: ["=human", "=a =person", "=agent", "~representat", "=operator", "~manag", "=somebodi", "=bot", "=staff =member", "=live =chat"],
  request: ["=want", "=need", "=can =i", "=could", "=connect", "=transfer", "=get", "=please", "=let", "=call", "=speak", "=talk"],
  urgent: ["~urgent", "=asap", "~immediat", "~emergenc", "=right =away", "=right =now", "=as =soon =as =possibl"],
  notUrgent: ["=no =rush", "=not =urgent", "=no =hurri"],
};

export const INTENT_CUES: Record<WidgetLocale, IntentCues> = { fi, sv, en };
