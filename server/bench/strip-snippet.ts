/** The storefront's HTML without the merchant snippet: the page the widget-speed bench compares against. */

/** The snippet as `buildSnippet` writes it: the config preload, widget.js, and the inline `<script>` calling `HummDesk(`. */
const SNIPPET =
  /<link rel="preload" as="fetch" crossorigin href="[^"]*\/config">\s*<script async src="[^"]*\/widget\.js"><\/script>\s*<script>(?:(?!<\/script>)[\s\S])*?HummDesk\((?:(?!<\/script>)[\s\S])*?<\/script>/;

/** Removes the one merchant snippet; anything else is left as it was. */
export function stripSnippet(html: string): string {
  const stripped = html.replace(SNIPPET, "");
  if (stripped === html || stripped.includes("HummDesk(") || stripped.includes("/widget.js")) {
    throw new Error("the storefront's HTML has no single merchant snippet (config preload, widget.js, HummDesk( call) to remove");
  }
  return stripped;
}
