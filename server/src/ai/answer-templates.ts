/** The fixed sentences of a built-in answer, per visitor language. */
import type { WidgetLocale } from "@hummdesk/shared";

export interface AnswerTemplates {
  opening: string;
  /** The opening for a visitor who is upset (negative sentiment). */
  apology: string;
  closing: string;
  /** The only fitting article is written in another language: point to it, do not quote it. */
  foreignArticle: (title: string, articleLanguage: WidgetLocale) => string;
  noAnswer: (accountName: string) => string;
  greeting: string;
  thanks: string;
  /** A bare "ok": acknowledged, nothing more asked. */
  ack: string;
  /** "Am I talking to a bot?": who answers, and that a person is there when wanted. */
  identity: string;
}

const LANGUAGE_NAMES: Record<WidgetLocale, Record<WidgetLocale, string>> = {
  fi: { fi: "suomeksi", sv: "ruotsiksi", en: "englanniksi" },
  sv: { fi: "på finska", sv: "på svenska", en: "på engelska" },
  en: { fi: "in Finnish", sv: "in Swedish", en: "in English" },
};

export const ANSWER_TEMPLATES: Record<WidgetLocale, AnswerTemplates> = {
  fi: {
    opening: "Kiitos kysymyksestä!",
    apology: "Pahoittelut harmista!",
    closing: "Jos tämä ei vastannut kysymykseesi, voin välittää keskustelun asiakaspalvelijallemme.",
    foreignArticle: (title, language) =>
      `Löysin aiheesta ohjeen, joka on kirjoitettu ${LANGUAGE_NAMES.fi[language]}: ”${title}”.`,
    noAnswer: () =>
      "Kiitos viestistäsi! En löytänyt tähän varmaa vastausta ohjeistamme, joten välitän kysymyksesi " +
      "asiakaspalvelullemme. Saat vastauksen mahdollisimman pian.",
    greeting: "Hei! Miten voin auttaa?",
    thanks: "Ole hyvä! Kerro, jos voin auttaa vielä jossain.",
    ack: "Selvä! Kerro, jos voin auttaa vielä jossain.",
    identity:
      "Olen tekoälyavustaja ja vastaan ohjeidemme pohjalta. Jos haluat jutella ihmisen kanssa, sano se, niin asiakaspalvelijamme jatkaa keskustelua.",
  },
  sv: {
    opening: "Tack för din fråga!",
    apology: "Vi beklagar det som hänt!",
    closing: "Om det här inte svarade på din fråga kan jag koppla dig vidare till vår kundtjänst.",
    foreignArticle: (title, language) =>
      `Jag hittade en guide om det här, skriven ${LANGUAGE_NAMES.sv[language]}: ”${title}”.`,
    noAnswer: (accountName) =>
      `Tack för ditt meddelande! Jag hittade inget säkert svar i våra guider, så jag skickar din fråga ` +
      `vidare till kundtjänsten på ${accountName}. Du får svar så snart som möjligt.`,
    greeting: "Hej! Hur kan jag hjälpa dig?",
    thanks: "Varsågod! Säg till om jag kan hjälpa till med något annat.",
    ack: "Okej! Säg till om jag kan hjälpa till med något annat.",
    identity:
      "Jag är en AI-assistent och svarar utifrån våra guider. Vill du hellre prata med en människa, säg bara till, så tar vår kundtjänst över.",
  },
  en: {
    opening: "Thanks for your question!",
    apology: "I'm sorry to hear that!",
    closing: "If this doesn't answer your question, I can pass you to someone from our team.",
    foreignArticle: (title, language) =>
      `I found a help article about this, written ${LANGUAGE_NAMES.en[language]}: "${title}".`,
    noAnswer: (accountName) =>
      `Thanks for your message! I couldn't find a reliable answer in our help articles, so I'll pass ` +
      `this to the ${accountName} team. They'll get back to you as soon as possible.`,
    greeting: "Hi! How can I help you?",
    thanks: "You're welcome! Let me know if there's anything else I can help with.",
    ack: "Alright! Let me know if there's anything else I can help with.",
    identity:
      "I'm an AI assistant and I answer from our help articles. If you'd rather talk to a person, just say so and someone from our team will take over.",
  },
};
