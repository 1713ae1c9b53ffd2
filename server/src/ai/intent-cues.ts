/**
 * Words that change how a conversation is handled rather than what it is about: a visitor asking
 * for a person (handoff) and urgency (priority), per language, in lexicon-match.ts notation.
 */
import type { WidgetLocale } from "@hummdesk/shared";

export interface IntentCues {
  handoff: readonly string[];
  urgent: readonly string[];
  /** Phrases that contain an urgent word without being urgent ("heti kun" = "as soon as"). */
  notUrgent: readonly string[];
}

const fi: IntentCues = {
  handoff: [
    "~ihmi", "~asiakaspalvelija", "~asiakaspalveluun", "~asiakaspalvelun =kanssa", "~henkilokun",
    "=henkilö", "~henkilol", "~tyontekij", "~myyjan", "~myyjalle", "=oikea ~ihmi", "=puhua =jonkun",
    "=jonkun =kanssa", "~soittak", "~soittaisi", "~bott", "=botti", "~robot", "~joku =ihminen",
    "~yhteys =asiakaspalv",
  ],
  urgent: ["~kiire", "=heti", "~valittom", "~pikaise", "=hätä", "~hatatila", "=asap", "~akuutt"],
  notUrgent: ["=heti =kun", "=ei =kiire", "=ei =ole =kiire", "=ei =kiirettä"],
};

const sv: IntentCues = {
  handoff: [
    "~manniska", "=riktig =person", "=en =person", "~kundtjanst", "~handlaggar", "~medarbetar",
    "=prata =med", "=tala =med", "=ring =mig", "~saljar", "=bot", "=boten", "~personalen =direkt",
    "=någon =person", "=levande",
  ],
  urgent: ["~bradsk", "=akut", "~omedelbar", "=genast", "=asap", "~snarast", "~nodfall", "~nodlage"],
  notUrgent: ["=ingen =brådska", "=inte =bråttom"],
};

const en: IntentCues = {
  handoff: [
    "=human", "=real =person", "=a =person", "=agent", "~representat", "=operator", "~manag",
    "=talk =to", "=speak =to", "=speak =with", "=talk =with", "=chat =with =someon", "=to =someon",
    "=with =someon", "=somebodi", "=call =me", "=bot", "=live =chat", "=customer =servic =person",
    "=staff =member",
  ],
  urgent: ["~urgent", "=asap", "~immediat", "~emergenc", "=right =away", "=right =now", "=as =soon =as =possibl"],
  notUrgent: ["=no =rush", "=not =urgent", "=no =hurri"],
};

export const INTENT_CUES: Record<WidgetLocale, IntentCues> = { fi, sv, en };
