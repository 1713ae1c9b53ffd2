/** The storefront's HTML without the merchant snippet: the page the widget-speed bench compares against. */

/** Removes the one `<script>` block that calls `HummDesk(`; anything else is left as it was. */
export function stripSnippet(html: string): string {
  const stripped = html.replace(/<script>(?:(?!<\/script>)[\s\S])*?HummDesk\((?:(?!<\/script>)[\s\S])*?<\/script>/, "");
  if (stripped === html || stripped.includes("HummDesk(")) throw new Error("the storefront's HTML has no single <script> block calling HummDesk( to remove");
  return stripped;
}
