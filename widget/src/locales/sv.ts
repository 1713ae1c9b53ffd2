/** The widget's words in Swedish. */
import type { Strings } from "../i18n.ts";

export default {
  closeChat: "Stäng chatten",
  online: "Online",
  away: "Borta",
  offline: "Ingen anslutning: meddelanden skickas när du är online igen",
  opens: "Öppnar",
  replyTime: "Typisk svarstid",
  greeting: "Hej! Hur kan vi hjälpa dig?",
  message: "Meddelande",
  placeholder: "Skriv ett meddelande…",
  send: "Skicka",
  sending: "Skickar…",
  sent: "Skickat",
  failed: "Inte skickat",
  retry: "Försök igen",
  typing: "skriver…",
  assistant: "AI-assistent",
  support: "Kundtjänst",
  handoff: "Prata med en människa",
  handedOff: "En person ansluter snart.",
  email: "Din e-post",
  resolved: "Samtalet avslutat. Skriv för att starta ett nytt.",
  earlier: "Tidigare samtal",
  back: "Tillbaka",
} satisfies Strings;
