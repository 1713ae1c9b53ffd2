/** The language the demo's own pages (desk, configurator) speak: the page's `lang`, else English. */
export type PageLocale = "en" | "fi" | "sv";

export function pageLocale(lang: string = typeof document === "undefined" ? "en" : document.documentElement.lang): PageLocale {
  const base = lang.slice(0, 2).toLowerCase();
  return base === "fi" || base === "sv" ? base : "en";
}
