/** Loads the words of one locale: each is its own chunk, so a visitor downloads only the language shown. */
import type { WidgetLocale } from "@hummdesk/shared";
import type { Strings } from "./i18n.ts";

const LOCALES: Record<WidgetLocale, () => Promise<{ default: Strings }>> = {
  en: () => import("./locales/en.ts"),
  fi: () => import("./locales/fi.ts"),
  sv: () => import("./locales/sv.ts"),
};

export async function loadStrings(locale: WidgetLocale): Promise<Strings> {
  return (await LOCALES[locale]()).default;
}
