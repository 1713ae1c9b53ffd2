/**
 * The page the configurator's live preview runs in: the real snippet and /widget.js, with the
 * inbox's unsaved look answered in place of the saved config and a storage of its own, so the
 * preview neither waits for a save nor takes over the storefront's visitor.
 */
import type { WidgetConfig } from "@hummdesk/shared";

export interface PreviewOptions {
  /** The snippet exactly as a merchant would paste it. */
  snippet: string;
  websiteToken: string;
  /** Fields of the widget config the unsaved form changes; the rest comes from the server. */
  config: Partial<WidgetConfig>;
  /** Open the chat panel as soon as the widget loads. */
  openPanel: boolean;
  /** Name of a Storage-like object on the parent window the widget uses instead of localStorage. */
  storageName: string;
  lang: string;
}

/** JSON that is also safe inside an inline <script>. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const PAGE_STYLE = `
  html, body { margin: 0; height: 100%; }
  body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f3f4f6; color: #4b5563; }
  .site { max-width: 640px; margin: 0 auto; padding: 24px 20px; }
  .bar { height: 14px; border-radius: 7px; background: #d1d5db; margin: 0 0 12px; }
  .bar.short { width: 40%; } .bar.mid { width: 70%; }
  .hero { height: 120px; border-radius: 12px; background: #e5e7eb; margin: 20px 0; }
  p { margin: 0 0 8px; font-size: 13px; }
`;

export function previewDocument(options: PreviewOptions): string {
  const setup = `
(function () {
  try {
    var shared = window.parent && window.parent[${scriptJson(options.storageName)}];
    if (shared) Object.defineProperty(window, "localStorage", { value: shared, configurable: true });
  } catch (e) {}
  var override = ${scriptJson(options.config)};
  var suffix = "/widget/v1/inboxes/" + encodeURIComponent(${scriptJson(options.websiteToken)}) + "/config";
  var realFetch = window.fetch.bind(window);
  function answer(config) {
    return new Response(JSON.stringify(config), { status: 200, headers: { "content-type": "application/json" } });
  }
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    var path = "";
    try { path = new URL(url, document.baseURI).pathname; } catch (e) {}
    if (path.slice(-suffix.length) !== suffix) return realFetch(input, init);
    return realFetch(input, init).then(function (response) {
      if (!response.ok) return answer(Object.assign({ online: true }, override));
      return response.json().then(function (saved) { return answer(Object.assign(saved, override)); });
    }, function () { return answer(Object.assign({ online: true }, override)); });
  };
})();`;
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Widget preview</title>
<style>${PAGE_STYLE}</style>
<script>${setup}</script>
</head>
<body>
<div class="site" aria-hidden="true">
  <div class="bar short"></div>
  <div class="hero"></div>
  <div class="bar mid"></div>
  <div class="bar"></div>
  <div class="bar short"></div>
  <p>Your website</p>
</div>
${options.snippet}
${options.openPanel ? '<script>HummDesk("open");</script>' : ""}
</body>
</html>`;
}
