/** What a merchant pastes: a preload of the inbox's config, widget.js as an async script, and the
 * loader plus `HummDesk('init', {...})` with the options given. */
import { inboxConfigUrl } from "./config-url.ts";
import { LOADER_SCRIPT } from "./loader.ts";
import type { WidgetOptions } from "./widget-options.ts";

export type SnippetOptions = WidgetOptions;

const OPTION_ORDER = [
  "websiteToken",
  "baseUrl",
  "position",
  "color",
  "locale",
  "launcherText",
  "hideLauncher",
  "darkMode",
] as const satisfies readonly (keyof SnippetOptions)[];

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON that stays JSON inside an inline script: no `</script>`, no `<!--`, no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char] ?? char);
}

const UNSAFE_IN_ATTRIBUTE: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

/** Text that stays inside a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => UNSAFE_IN_ATTRIBUTE[char] ?? char);
}

function checkBaseUrl(baseUrl: string): void {
  if (/^\/(?!\/)/.test(baseUrl)) return;
  let protocol = "";
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    // Reported below.
  }
  if (protocol !== "http:" && protocol !== "https:") {
    throw new Error(`baseUrl '${baseUrl}' is not an http(s) URL or a root-relative path; use e.g. https://chat.example.com`);
  }
}

export function buildSnippet(options: SnippetOptions): string {
  if (!options.websiteToken) throw new Error("websiteToken is required to build a snippet");
  checkBaseUrl(options.baseUrl);
  const init: Record<string, unknown> = {};
  for (const name of OPTION_ORDER) {
    if (options[name] !== undefined) init[name] = options[name];
  }
  const base = options.baseUrl.replace(/\/+$/, "");
  // As tags, widget.js and the config are found by the browser's preload scanner as soon as the
  // page's HTML arrives, not when the parser reaches the snippet at the end of the body: by then
  // they are usually in, and the launcher paints with the page's first frame. widget.js may run
  // before the inline loader; the loader then leaves the real HummDesk alone.
  return [
    `<link rel="preload" as="fetch" crossorigin href="${attribute(inboxConfigUrl(options.baseUrl, options.websiteToken))}">`,
    `<script async src="${attribute(`${base}/widget.js`)}"></script>`,
    `<script>\n${LOADER_SCRIPT}\nHummDesk("init",${jsonForScript(init)});\n</script>`,
  ].join("\n");
}
