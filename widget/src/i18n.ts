/** The widget's words in Finnish, Swedish and English, and how the visitor's language is chosen. */
import type { WidgetLocale } from "@hummdesk/shared";

const en = {
  openChat: "Open chat",
  closeChat: "Close chat",
  unread: "unread",
  online: "Online",
  away: "Away",
  replyTime: "Typical reply time",
  greeting: "Hi! How can we help?",
  message: "Message",
  placeholder: "Write a message…",
  send: "Send",
  sending: "Sending…",
  sent: "Sent",
  failed: "Not sent",
  retry: "Retry",
  typing: "is typing…",
  assistant: "AI assistant",
  support: "Support",
  handoff: "Talk to a person",
  handedOff: "A person will join soon.",
  email: "Your email",
  resolved: "Conversation ended. Write to start a new one.",
  earlier: "Earlier conversations",
  back: "Back",
};

export type Strings = typeof en;

export const STRINGS: Record<WidgetLocale, Strings> = {
  en,
  fi: {
    openChat: "Avaa chat",
    closeChat: "Sulje chat",
    unread: "lukematonta",
    online: "Paikalla",
    away: "Poissa",
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
  },
  sv: {
    openChat: "Öppna chatten",
    closeChat: "Stäng chatten",
    unread: "olästa",
    online: "Online",
    away: "Borta",
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
  },
};

/** "15 min" or "3 h": both abbreviations read the same in Finnish, Swedish and English. */
export function formatReplyTime(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`;
}

/** The widget's language for a tag ("fi-FI" -> "fi"), or null when it does not speak it. */
export function supportedLocale(tag: string | null | undefined): WidgetLocale | null {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return language === "fi" || language === "sv" || language === "en" ? language : null;
}

/** setLocale beats the init option, which beats the browser's language, which beats the inbox's locale. */
export function resolveLocale(choices: (string | null | undefined)[]): WidgetLocale {
  for (const choice of choices) {
    const locale = supportedLocale(choice);
    if (locale) return locale;
  }
  return "en";
}
