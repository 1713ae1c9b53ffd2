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
  | "titleMissing"
  | "titleTooLong"
  | "bodyMissing"
  | "bodyTooLong"
  | "articleUrl"
  | "tooManyQuestions"
  | "questionTooLong"
  | "invalid";

interface MessageParams {
  value?: string;
  day?: string;
  /** A count or a limit, e.g. the number of a question. */
  number?: number;
}

type Catalogue = Record<FieldProblem, (params: MessageParams) => string>;

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
    titleMissing: () => "Give the article a title; the AI matches visitors' messages against it.",
    titleTooLong: () => "Keep the title to 200 characters or fewer.",
    bodyMissing: () => "Write the article's body: the text the AI answers from.",
    bodyTooLong: () => "Keep the body to 20000 characters or fewer.",
    articleUrl: () => "Write the link as a full address starting with https:// or http://, for example https://www.k-rauta.fi/palautus.",
    tooManyQuestions: ({ number }) => `Give at most 20 example questions, one per line; there are ${number ?? "more"}.`,
    questionTooLong: ({ number }) => `Question ${number ?? ""} is too long; keep each example question to 300 characters or fewer.`,
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
    titleMissing: () => "Anna artikkelille otsikko; tekoäly vertaa kävijöiden viestejä siihen.",
    titleTooLong: () => "Otsikko saa olla enintään 200 merkkiä.",
    bodyMissing: () => "Kirjoita artikkelin teksti: tekoäly vastaa sen pohjalta.",
    bodyTooLong: () => "Teksti saa olla enintään 20000 merkkiä.",
    articleUrl: () => "Kirjoita linkki kokonaisena osoitteena, joka alkaa https:// tai http://, esimerkiksi https://www.k-rauta.fi/palautus.",
    tooManyQuestions: ({ number }) => `Anna enintään 20 esimerkkikysymystä, yksi per rivi; nyt niitä on ${number ?? "enemmän"}.`,
    questionTooLong: ({ number }) => `Kysymys ${number ?? ""} on liian pitkä; kukin esimerkkikysymys saa olla enintään 300 merkkiä.`,
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
    titleMissing: () => "Ge artikeln en rubrik; AI:n jämför besökarnas meddelanden med den.",
    titleTooLong: () => "Rubriken får vara högst 200 tecken.",
    bodyMissing: () => "Skriv artikelns text: AI:n svarar utifrån den.",
    bodyTooLong: () => "Texten får vara högst 20000 tecken.",
    articleUrl: () => "Skriv länken som en hel adress som börjar med https:// eller http://, till exempel https://www.k-rauta.fi/palautus.",
    tooManyQuestions: ({ number }) => `Ange högst 20 exempelfrågor, en per rad; nu finns det ${number ?? "fler"}.`,
    questionTooLong: ({ number }) => `Fråga ${number ?? ""} är för lång; varje exempelfråga får vara högst 300 tecken.`,
    invalid: () => "Kontrollera det här värdet.",
  },
};

export function fieldMessage(problem: FieldProblem, params: MessageParams = {}, locale: MessageLocale = pageLocale()): string {
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

/** The problem a schema issue at `path` of an article ("title", "questions.3") describes. */
export function articleProblemOf(path: string, code: string | undefined): FieldProblem {
  const tooBig = code === "too_big";
  switch (path.split(".")[0]) {
    case "title":
      return tooBig ? "titleTooLong" : "titleMissing";
    case "body":
      return tooBig ? "bodyTooLong" : "bodyMissing";
    case "url":
      return "articleUrl";
    case "questions":
      return path === "questions" ? "tooManyQuestions" : "questionTooLong";
    default:
      return "invalid";
  }
}

/** One field problem a 4xx body names: where (schema path) and zod's issue code. */
export interface ServerIssue {
  path: PropertyKey[];
  code: string | undefined;
}

/**
 * The field issues in a 4xx body's `details`: zod issues (`[{path, code}]` or `{issues}`), or a
 * flattened `{fieldErrors: {field: [message]}}`. Anything else yields none.
 */
export function serverIssues(details: unknown): ServerIssue[] {
  const record = (value: unknown): Record<string, unknown> | null => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null);
  const found: ServerIssue[] = [];
  const issues = Array.isArray(details) ? details : record(details)?.["issues"];
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const path = record(issue)?.["path"];
      const code = record(issue)?.["code"];
      if (Array.isArray(path)) found.push({ path: path as PropertyKey[], code: typeof code === "string" ? code : undefined });
    }
  }
  const fieldErrors = record(record(details)?.["fieldErrors"]);
  if (fieldErrors) {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (Array.isArray(messages) && typeof messages[0] === "string") found.push({ path: field.split("."), code: undefined });
    }
  }
  return found;
}
