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
  /** Words that ask for a person when, with `filler` words only, they are the whole message
   * ("human", "agent please", "asiakaspalvelija"): what visitors type to leave a bot. */
  alone: readonly string[];
  filler: readonly string[];
  urgent: readonly string[];
  /** Phrases that contain an urgent word without being urgent ("heti kun" = "as soon as"). */
  notUrgent: readonly string[];
}

const fi: IntentCues = {
  handoff: [
    "=oikea ~ihmi", "=oikean ~ihmi", "=puhua =jonkun", "=jonkun =kanssa", "~asiakaspalvelun =kanssa",
    "~asiakaspalvelijan =kanssa", "~soittak", "~soittaisi", "~joku =ihminen", "~yhteys =asiakaspalv",
    "~ihmisen =apu", "~ihmisen =kanssa", "=siirrä =mut", "=siirrä =minut", "=yhdistä =mut", "=yhdistä =minut",
    "=soittaa =mulle", "=soittaa =minulle",
  ],
  person: [
    "~ihmi", "~asiakaspalvelija", "~asiakaspalveluun", "~henkilokun", "=henkilö", "~henkilol",
    "~tyontekij", "~myyjan", "~myyjalle", "~bott", "=botti", "~robot",
  ],
  request: [
    "=haluan", "=haluaisin", "~voinko", "~saanko", "~saisinko", "~voisiko", "~tarvitsen", "~pyyda",
    "~yhdista", "~puhu", "~jutel", "=kiitos", "=pliis",
  ],
  alone: ["~ihmi", "~asiakaspalvelija", "~asiakaspalvelu", "~henkilokun", "~myyja", "=operaattori", "=agentti"],
  filler: ["=kiitos", "=kiitti", "=pliis", "=heti", "=nyt", "=oikea", "=oikeaa", "=joku", "=hei", "=moi"],
  urgent: ["~kiire", "=heti", "~valittom", "~pikaise", "=hätä", "~hatatila", "=asap", "~akuutt"],
  notUrgent: ["=heti =kun", "=ei =kiire", "=ei =ole =kiire", "=ei =kiirettä"],
};

const sv: IntentCues = {
  handoff: [
    "=riktig =person", "=prata =med", "=tala =med", "=ring =mig", "~personalen =direkt", "=någon =person",
    "=levande", "=en =människa", "=ringa =upp", "=ring =upp", "=koppla =mig", "=koppla =vidare", "=ringa =mig",
  ],
  person: ["~manniska", "=en =person", "~kundtjanst", "~handlaggar", "~medarbetar", "~saljar", "=bot", "=boten"],
  request: ["=vill", "=kan =jag", "=får =jag", "~behov", "=prata", "=tala", "=ring", "~koppla", "=snälla", "=tack"],
  alone: ["~manniska", "~kundtjanst", "~handlaggar", "~personal", "~medarbetar", "=operatör", "=agent"],
  filler: ["=tack", "=snälla", "=nu", "=en", "=riktig", "=hej", "=genast"],
  urgent: ["~bradsk", "=akut", "~omedelbar", "=genast", "=asap", "~snarast", "~nodfall", "~nodlage"],
  notUrgent: ["=ingen =brådska", "=inte =bråttom"],
};

const en: IntentCues = {
  handoff: [
    "=real =person", "=talk =to", "=speak =to", "=speak =with", "=talk =with", "=chat =with =someon",
    "=to =someon", "=with =someon", "=call =me", "=call =back", "=customer =servic =person", "=transfer =me",
    "=connect =me", "=put =me =through",
  ],
  person: ["=human", "=a =person", "=agent", "~representat", "=operator", "~manag", "=somebodi", "=bot", "=staff =member", "=live =chat"],
  request: ["=want", "=need", "=can =i", "=could", "=connect", "=transfer", "=get", "=please", "=let", "=call", "=speak", "=talk"],
  alone: ["=human", "=agent", "~representat", "=operator", "=person", "=customer =servic", "=support", "=staff", "=live =agent", "=live =chat =agent"],
  filler: ["=please", "=pls", "=plz", "=now", "=a", "=an", "=real", "=live", "=human", "=hi", "=hello", "=asap"],
  urgent: ["~urgent", "=asap", "~immediat", "~emergenc", "=right =away", "=right =now", "=as =soon =as =possibl"],
  notUrgent: ["=no =rush", "=not =urgent", "=no =hurri"],
};

export const INTENT_CUES: Record<WidgetLocale, IntentCues> = { fi, sv, en };
