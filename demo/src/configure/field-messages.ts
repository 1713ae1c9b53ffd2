/** What the configurator says about a field that is wrong: a sentence a merchant understands, in
 * the page's language, instead of the schema's own message. */

import { type PageLocale, pageLocale } from "../ui/page-locale.ts";

export type MessageLocale = PageLocale;
export { pageLocale };

export type FieldProblem =
  | "nameMissing"
  | "nameTooLong"
  | "color"
  | "origin"
  | "greetingTooLong"
  | "replyTime"
  | "timezone"
  | "timeFormat"
  | "closesBeforeOpens"
  | "invalid";

type Catalogue = Record<FieldProblem, (params: { value?: string; day?: string }) => string>;

const MESSAGES: Record<MessageLocale, Catalogue> = {
  en: {
    nameMissing: () => "Give the inbox a name; visitors see it in the chat header.",
    nameTooLong: () => "Keep the inbox name to 100 characters or fewer.",
    color: () => "Write the colour as # and 3 or 6 hexadecimal digits, for example #e30613 or #fff.",
    origin: () => "Write the site address as https:// and the domain only, for example https://shop.example.fi (no path).",
    greetingTooLong: () => "Keep the greeting to 500 characters or fewer.",
    replyTime: () => "Give the typical reply time in whole minutes, from 1 to 10080 (one week).",
    timezone: ({ value }) => `"${value ?? ""}" is not a time zone; use a name like Europe/Helsinki.`,
    timeFormat: ({ day }) => `${day ?? ""}: give the opening and closing times as HH:MM, for example 08:00.`,
    closesBeforeOpens: ({ day }) => `${day ?? ""}: the closing time must be after the opening time.`,
    invalid: () => "Check this value.",
  },
  fi: {
    nameMissing: () => "Anna postilaatikolle nimi; kävijät näkevät sen chatin otsikossa.",
    nameTooLong: () => "Nimi saa olla enintään 100 merkkiä.",
    color: () => "Kirjoita väri muodossa # ja 3 tai 6 heksadesimaalinumeroa, esimerkiksi #e30613 tai #fff.",
    origin: () => "Kirjoita sivuston osoite muodossa https:// ja pelkkä verkkotunnus, esimerkiksi https://kauppa.example.fi (ei polkua).",
    greetingTooLong: () => "Tervehdys saa olla enintään 500 merkkiä.",
    replyTime: () => "Anna tyypillinen vastausaika kokonaisina minuutteina väliltä 1–10080 (viikko).",
    timezone: ({ value }) => `"${value ?? ""}" ei ole aikavyöhyke; käytä nimeä kuten Europe/Helsinki.`,
    timeFormat: ({ day }) => `${day ?? ""}: anna avaamis- ja sulkemisaika muodossa HH:MM, esimerkiksi 08:00.`,
    closesBeforeOpens: ({ day }) => `${day ?? ""}: sulkemisajan pitää olla avaamisajan jälkeen.`,
    invalid: () => "Tarkista tämä arvo.",
  },
  sv: {
    nameMissing: () => "Ge inkorgen ett namn; besökarna ser det i chattens rubrik.",
    nameTooLong: () => "Namnet får vara högst 100 tecken.",
    color: () => "Skriv färgen som # och 3 eller 6 hexadecimala siffror, till exempel #e30613 eller #fff.",
    origin: () => "Skriv webbplatsens adress som https:// och bara domänen, till exempel https://butik.example.se (ingen sökväg).",
    greetingTooLong: () => "Hälsningen får vara högst 500 tecken.",
    replyTime: () => "Ange den typiska svarstiden i hela minuter, från 1 till 10080 (en vecka).",
    timezone: ({ value }) => `"${value ?? ""}" är ingen tidszon; använd ett namn som Europe/Helsinki.`,
    timeFormat: ({ day }) => `${day ?? ""}: ange öppnings- och stängningstid som TT:MM, till exempel 08:00.`,
    closesBeforeOpens: ({ day }) => `${day ?? ""}: stängningstiden måste vara efter öppningstiden.`,
    invalid: () => "Kontrollera det här värdet.",
  },
};

export function fieldMessage(problem: FieldProblem, params: { value?: string; day?: string } = {}, locale: MessageLocale = pageLocale()): string {
  return MESSAGES[locale][problem](params);
}

/** The problem a schema issue at `path` (form path, e.g. "allowedOrigins.2") describes. */
export function problemOf(path: string, code: string | undefined): FieldProblem {
  const field = path.split(".")[0];
  switch (field) {
    case "name":
      return code === "too_big" ? "nameTooLong" : "nameMissing";
    case "color":
      return "color";
    case "allowedOrigins":
      return "origin";
    case "greeting":
      return "greetingTooLong";
    case "replyTimeMinutes":
      return "replyTime";
    case "businessHours":
      return path === "businessHours.timezone" ? "timezone" : "timeFormat";
    default:
      return "invalid";
  }
}
