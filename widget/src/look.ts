/** How the widget looks on this page: the init options over the inbox's saved config. */
import type { WidgetConfig, WidgetLocale, WidgetPosition } from "@hummdesk/shared";
import { accentColors } from "./contrast.ts";
import { resolveLocale } from "./i18n.ts";
import type { WidgetOptions } from "./widget-options.ts";

export interface Look {
  position: WidgetPosition;
  accent: string;
  onAccent: string;
  locale: WidgetLocale;
  theme: "light" | "dark" | "auto";
  launcherText: string | null;
  hideLauncher: boolean;
}

export function resolveLook(input: {
  options: Partial<WidgetOptions>;
  config: WidgetConfig;
  /** `--hummdesk-color` set on the host element by the page's CSS, if any. */
  cssColor?: string | null;
  localeOverride?: string | null;
  browserLanguage?: string | null;
}): Look {
  const { options, config } = input;
  const { accent, onAccent } = accentColors(input.cssColor || options.color || config.color);
  const darkMode = options.darkMode ?? false;
  return {
    position: options.position ?? config.position,
    accent,
    onAccent,
    locale: resolveLocale([input.localeOverride, options.locale, input.browserLanguage, config.locale]),
    theme: darkMode === "auto" ? "auto" : darkMode ? "dark" : "light",
    launcherText: options.launcherText?.trim() || null,
    hideLauncher: !!options.hideLauncher,
  };
}
