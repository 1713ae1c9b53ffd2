/** Stop words per language (never content terms of a question: function words, and the "how
 * does it work", "I bought it last week" framing every question shares) and the answer's language. */
import type { Language, WidgetLocale } from "@hummdesk/shared";

export const STOPWORDS: Record<WidgetLocale, ReadonlySet<string>> = {
  fi: new Set(
    "ja tai on ei en et ole olen oli ovat se ne että jos kun kuin mutta myös vain voi voiko voinko voitteko miten mikä mitä missä mihin milloin kuinka paljon minä mä mun minun sinä sä te teillä teidän me meidän hän tämä tuo nyt jo vielä niin kanssa hei moi moikka terve kiitos kiitti onko onks saako saanko pitää haluan haluaisin olisi tulee kaikki toimii toimi toimia ostin ostanut ostettu viime viikolla viikko eilen tänään heippa moro morjens kiitoksia kiitokset olet olette olemme olla ollut ollaan oletteko oliko olisiko".split(" "),
  ),
  sv: new Set(
    "och eller är inte jag du ni vi han hon det den de en ett att om när som men också bara kan kunde hur vad var vilken vilka min mitt mina er ert era hej tack har hade ska skulle vill finns med på för till från av i fungerar funkar köpte köpt förra veckan igår idag hejsan tjena tja hallå tackar".split(" "),
  ),
  en: new Set(
    "a an the and or is are was were be been not i you we they he she it my your our their me us this that these those if when how what where which who can could would should do does did to of in on at for from with about please hi hello hey thanks thank have has had will just get work works bought last week yesterday today hiya thx cheers".split(" "),
  ),
};

/** Pronouns, particles, auxiliaries and colloquial fillers ("mut", "oo", "mig", "into", "got"):
 * no content term of a question, so an article is not held to them, but unlike `STOPWORDS` they
 * count towards a question's length (compose-answer.ts). Words that ask for a quantity, a time,
 * a count or a negation ("mycket", "koska", "two", "inget") carry the ask and are not here. */
export const FILLER_WORDS: Record<WidgetLocale, ReadonlySet<string>> = {
  fi: new Set(
    "jonka joka jotka joita jota sit sitte asti kyllä joo ok okei vai sekä tää toi noi näin noin jotain jotakin kukaan joku jokin tein teen tehdä tehty olis ois oon oot taas pitäis pitäisi täytyy voisiko voisitteko voitko voisitko teil teiltä teille meil mulla mulle multa minulla minulle sulla teidän mut et oo voin siellä täällä sinne sen sitä siitä sille siihen niitä niiden myös vaan eli ihan tosi vois voisin jolla jossa josta johon jotta saa sain saan ehkä kai niinku ku oisin".split(" "),
  ),
  sv: new Set(
    "man går gick sen då så nu redan också någon något några alla allt här där dem sig sin sitt sina mig dig oss ju väl nog även hos vid blir bli blev gör göra gjorde måste kommer komma ville vet kanske ja nej okej lite dock jo fick får nåt nån själv sådan sådant hela liksom typ".split(" "),
  ),
  en: new Set(
    "into onto than then there here them its also very so too cant can't don't dont i'm im it's let know make made got say says said go going come comes u ur pls plz ok okay yes whether because though really something anything thing own well but some any now want wanted wants whats what's like might must shall may whom whose his her hers him theirs ours yours mine myself yourself such each either neither both anyway actually maybe perhaps even i'd i've i'll we're you're they're stuff".split(" "),
  ),
};

export function answerLanguage(language: Language): WidgetLocale {
  return language === "other" ? "en" : language;
}
