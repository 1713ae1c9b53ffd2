/** How the visitor's language is chosen; the words themselves are in locales/, one module per language. */
import type { WidgetLocale } from "@hummdesk/shared";
import type en from "./locales/en.ts";

/** Every locale has the words English has; the chat loads only the active one (load-strings.ts). */
export type Strings = typeof en;

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
