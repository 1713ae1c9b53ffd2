/** The widget's words in Finnish. */
import type { Strings } from "../i18n.ts";

export default {
  closeChat: "Sulje chat",
  online: "Paikalla",
  away: "Poissa",
  offline: "Ei yhteyttä: viestit lähtevät, kun yhteys palaa",
  opens: "Avautuu",
  replyTime: "Tyypillinen vastausaika",
  greeting: "Hei! Miten voimme auttaa?",
  message: "Viesti",
  placeholder: "Kirjoita viesti…",
  send: "Lähetä",
  sending: "Lähetetään…",
  sent: "Lähetetty",
  failed: "Ei lähetetty",
  retry: "Yritä uudelleen",
  typing: "kirjoittaa…",
  assistant: "AI-avustaja",
  support: "Asiakaspalvelu",
  handoff: "Puhu ihmisen kanssa",
  handedOff: "Asiakaspalvelija liittyy pian.",
  email: "Sähköpostisi",
  resolved: "Keskustelu päättyi. Kirjoita aloittaaksesi uuden.",
  earlier: "Aiemmat keskustelut",
  back: "Takaisin",
} satisfies Strings;
