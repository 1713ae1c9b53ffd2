/** What a merchant passes to `HummDesk('init', ...)`; anything left out comes from the inbox's config. */
import type { WidgetLocale, WidgetPosition } from "@hummdesk/shared";

export interface WidgetOptions {
  websiteToken: string;
  /** Where the HummDesk server lives, e.g. "https://chat.example.com" (no trailing `/widget/v1`). */
  baseUrl: string;
  position?: WidgetPosition;
  color?: string;
  locale?: WidgetLocale;
  launcherText?: string;
  hideLauncher?: boolean;
  /** Light (false, the default), dark (true) or following the visitor's system setting ("auto"). */
  darkMode?: boolean | "auto";
}
