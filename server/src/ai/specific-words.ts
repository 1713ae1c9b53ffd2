/**
 * Words that name one place, one day or one item's stock: a town, a region, a country, a holiday,
 * "in stock". A help centre answers such a question only when an article names that place or day
 * ("is the Lahti store open at Easter?" is not answered by the general opening hours), so a
 * question word of this kind that no article holds counts heavily against the answer. Other words
 * no article holds (a product, a colloquial form) count lightly: they rarely change what the
 * article answers.
 * Written lowercase with their letters (ä, ö, å kept: "lähtee" is not "Lahti"); a word matches
 * when it begins with one of them.
 */
import type { WidgetLocale } from "@hummdesk/shared";

const PLACES =
  "helsin helsing espoo espoos vantaa vantaal tampere turku turu turkuun oulu jyväskylä kuopio lahti lahde lahte lahdes pori porin kouvola joensuu lappeenran hämeenlinn vaasa vaasan seinäjo rovaniem mikkeli mikkel kotka kotkas salo salos porvoo kokkola hyvinkää nurmijärv järvenpää rauma raumal kirkkonum tuusula kerava kerav kajaani savonlinn kangasala ylöjärv imatra imatral riihimä raisio kaarina kemi kemiin tornio iisalm varkau forssa raahe lohja lohjal sipoo pirkkala lempäälä nokia ahvenanmaa ahvenanmaal maarianhamin " +
  "helsingfors esbo vanda åbo tammerfors uleåborg vasa borgå lahtis jakobstad karleby ekenäs raseborg lovisa kyrkslätt sibbo kimito åland mariehamn björneborg kristinestad närpes nykarleby pargas " +
  "aland ruotsi ruotsiin sverige sweden viro viroon estland estonia norja norge norway saksa tyskland germany venäjä ryssland russia tanska danmark denmark ulkomail utomlands abroad islands";

// Whether one item is on a shelf today: the help centre states rules, not stock.
const STOCK: Record<WidgetLocale, string> = {
  fi: "varastossa varastoss hyllyss saatavuu",
  sv: "lager lagret lagersaldo",
  en: "stock in-stock",
};

const HOLIDAYS: Record<WidgetLocale, string> = {
  fi: "joulu jouluaat joulupäiv tapanin uusivuo uudenvuod loppiai pääsiäi pitkäperjant vappu vapun helatorst juhannu itsenäisyyspäiv pyhäinpäiv",
  sv: "jul julaft juldag annandag nyår trettondag påsk långfredag valborg kristi midsomm självständighetsdag allhelgon",
  en: "christmas xmas easter midsummer thanksgiving boxing valentin",
};

const prefixesOf = (language: WidgetLocale) => `${PLACES} ${HOLIDAYS[language]} ${STOCK[language]}`.split(" ");
const prefixes: Record<WidgetLocale, string[]> = { fi: prefixesOf("fi"), sv: prefixesOf("sv"), en: prefixesOf("en") };

/** True when `word` (lowercased, as written) names a place, a holiday or an item's stock. */
export function isSpecificWord(word: string, language: WidgetLocale): boolean {
  return prefixes[language].some((prefix) => prefix.length > 0 && word.startsWith(prefix));
}
