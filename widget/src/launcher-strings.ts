/** The launcher's few words in every locale: the boot chunk paints the launcher before any locale loads. */
import type { WidgetLocale } from "@hummdesk/shared";

export interface LauncherStrings {
  openChat: string;
  closeChat: string;
  unread: string;
}

export const LAUNCHER_STRINGS: Record<WidgetLocale, LauncherStrings> = {
  en: { openChat: "Open chat", closeChat: "Close chat", unread: "unread" },
  fi: { openChat: "Avaa chat", closeChat: "Sulje chat", unread: "lukematonta" },
  sv: { openChat: "Öppna chatten", closeChat: "Stäng chatten", unread: "olästa" },
};
