/** Stop words per language (never content terms of a question: function words, and the "how
 * does it work", "I bought it last week" framing every question shares) and the answer's language. */
import type { Language, WidgetLocale } from "@hummdesk/shared";

export const STOPWORDS: Record<WidgetLocale, ReadonlySet<string>> = {
  fi: new Set(
    "ja tai on ei en et ole olen oli ovat se ne ja että jos kun kuin mutta myös vain voi voiko voinko voitteko miten mikä mitä missä mihin milloin kuinka paljon minä mä mun minun sinä sä te teillä teidän me meidän hän tämä tuo nyt jo vielä niin kanssa hei moi moikka terve kiitos kiitti onko onks saako saanko pitää haluan haluaisin olisi tulee kaikki toimii toimi toimia ostin ostanut ostettu viime viikolla viikko eilen tänään heippa moro morjens kiitoksia kiitokset olet olette olemme olla ollut ollaan oletteko onks oliko olisiko".split(" "),
  ),
  sv: new Set(
    "och eller är inte jag du ni vi han hon det den de en ett att om när som men också bara kan kunde hur vad var vilken vilka min mitt mina er ert era hej tack har hade ska skulle vill finns med på för till från av i fungerar funkar köpte köpt förra veckan veckan igår idag hejsan tjena tja hallå tackar".split(" "),
  ),
  en: new Set(
    "a an the and or is are was were be been not i you we they he she it my your our their me us this that these those if when how what where which who can could would should do does did to of in on at for from with about please hi hello hey thanks thank have has had will just get work works bought last week yesterday today hiya thx cheers".split(" "),
  ),
};

export function answerLanguage(language: Language): WidgetLocale {
  return language === "other" ? "en" : language;
}
