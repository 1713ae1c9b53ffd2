import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LOADER_SCRIPT } from "./loader.ts";
import { buildSnippet, jsonForScript } from "./snippet.ts";

const SNIPPET = /^<link rel="preload" as="fetch" crossorigin href="([^"]*)">\n<script async src="([^"]*)"><\/script>\n<script>\n([\s\S]*)\n<\/script>$/;
const unescapeAttribute = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The snippet's three parts: the config preload's URL, widget.js's URL and the inline script. */
function snippetParts(html: string) {
  const match = SNIPPET.exec(html);
  if (!match) throw new Error(`not a preload, an async script and one inline <script>: ${html}`);
  return { preload: unescapeAttribute(match[1]!), script: unescapeAttribute(match[2]!), inline: match[3]! };
}

/** Runs the snippet's inline script the way a page would (widget.js not loaded yet), with a recording fetch. */
function runSnippet(html: string, answer?: Response) {
  const { inline } = snippetParts(html);
  const window: Record<string, unknown> = {};
  window.window = window;
  const fetches: string[] = [];
  const fetch = (url: string) => {
    fetches.push(url);
    return answer ? Promise.resolve(Object.defineProperty(answer, "url", { value: url })) : Promise.reject(new Error("offline"));
  };
  runInNewContext(inline, Object.assign(window, { fetch }));
  const hummDesk = window.HummDesk as ((...args: unknown[]) => void) & { q: ArrayLike<unknown>[]; c?: Promise<unknown> };
  return { hummDesk, fetches, calls: () => Array.from(hummDesk.q, (args) => JSON.parse(JSON.stringify(Array.from(args)))) };
}

/** Runs the loader alone. */
const runLoader = () => runSnippet(`<link rel="preload" as="fetch" crossorigin href="">\n<script async src=""></script>\n<script>\n${LOADER_SCRIPT}\n</script>`);

describe("buildSnippet", () => {
  it("loads widget.js from baseUrl, preloads and requests the inbox's config, and calls init with exactly the options given", async () => {
    const html = buildSnippet({ baseUrl: "https://chat.k-rauta.fi/", websiteToken: "abc123", position: "left", darkMode: "auto" });
    const configUrl = "https://chat.k-rauta.fi/widget/v1/inboxes/abc123/config";
    expect(snippetParts(html)).toMatchObject({ preload: configUrl, script: "https://chat.k-rauta.fi/widget.js" });
    const { hummDesk, fetches, calls } = runSnippet(html);
    // The loader's request is the preloaded one (the same URL), read while widget.js loads; a failed
    // request is widget.js's to repeat.
    expect(fetches).toEqual([configUrl]);
    await expect(hummDesk.c).resolves.toBeUndefined();
    expect(calls()).toEqual([
      ["init", { websiteToken: "abc123", baseUrl: "https://chat.k-rauta.fi/", position: "left", darkMode: "auto" }],
    ]);
  });

  it("hands widget.js the config answer's status, URL and parsed body, read while widget.js loads", async () => {
    const { hummDesk } = runSnippet(buildSnippet({ baseUrl: "https://chat.k-rauta.fi", websiteToken: "abc123" }), Response.json({ color: "#e30613" }, { status: 200 }));
    await expect(hummDesk.c).resolves.toEqual({ s: 200, u: "https://chat.k-rauta.fi/widget/v1/inboxes/abc123/config", j: { color: "#e30613" } });
    // A body that is not JSON (a proxy's error page): nothing is handed over, widget.js asks again.
    const proxy = runSnippet(buildSnippet({ baseUrl: "https://chat.k-rauta.fi", websiteToken: "abc123" }), new Response("<html>502</html>", { status: 502 }));
    await expect(proxy.hummDesk.c).resolves.toBeUndefined();
  });

  it("keeps every option, including false values", () => {
    const options = {
      baseUrl: "https://chat.k-rauta.fi",
      websiteToken: "abc123",
      position: "right",
      color: "#e30613",
      locale: "fi",
      launcherText: "Kysy meiltä",
      hideLauncher: false,
      darkMode: false,
    } as const;
    expect(runSnippet(buildSnippet(options)).calls()).toEqual([["init", options]]);
  });

  it.each([
    "</script><script>alert(1)</script>",
    "</SCRIPT ><img src=x onerror=alert(1)>",
    "<!--<script>",
    '"};alert(1);//',
    "line\u2028separator\u2029and\\backslash",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is a template placeholder on purpose.
    "${alert(1)}`",
  ])("keeps a hostile value inside the string: %s", (hostile) => {
    const html = buildSnippet({ baseUrl: "https://chat.k-rauta.fi", websiteToken: hostile, launcherText: hostile });
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain("<!--");
    expect(snippetParts(html).preload).toBe(`https://chat.k-rauta.fi/widget/v1/inboxes/${encodeURIComponent(hostile)}/config`);
    expect(runSnippet(html).calls()).toEqual([
      ["init", { websiteToken: hostile, baseUrl: "https://chat.k-rauta.fi", launcherText: hostile }],
    ]);
  });

  it("accepts a root-relative baseUrl (the widget served by the page's own origin)", () => {
    expect(snippetParts(buildSnippet({ baseUrl: "/", websiteToken: "t" }))).toMatchObject({ preload: "/widget/v1/inboxes/t/config", script: "/widget.js" });
  });

  it("keeps a base URL's quotes and angle brackets inside its attributes", () => {
    const html = buildSnippet({ baseUrl: 'https://chat.example.com/a"b<c>', websiteToken: "t" });
    expect(snippetParts(html).script).toBe('https://chat.example.com/a"b<c>/widget.js');
    expect(html.split("\n")[1]).toBe('<script async src="https://chat.example.com/a&quot;b&lt;c&gt;/widget.js"></script>');
  });

  it.each(["javascript:alert(1)", "//evil.example", "chat.k-rauta.fi", ""])("refuses the baseUrl %s", (baseUrl) => {
    expect(() => buildSnippet({ baseUrl, websiteToken: "t" })).toThrow(/baseUrl/);
  });

  it("refuses a snippet without a websiteToken", () => {
    expect(() => buildSnippet({ baseUrl: "https://chat.k-rauta.fi", websiteToken: "" })).toThrow(/websiteToken/);
  });
});

describe("the loader", () => {
  it("queues calls in order and requests the config once", () => {
    const { hummDesk, fetches, calls } = runLoader();
    hummDesk("on", "ready");
    hummDesk("init", { websiteToken: "t", baseUrl: "https://a.example" });
    hummDesk("open");
    hummDesk("init", { websiteToken: "t", baseUrl: "https://b.example" });
    expect(calls()).toEqual([
      ["on", "ready"],
      ["init", { websiteToken: "t", baseUrl: "https://a.example" }],
      ["open"],
      ["init", { websiteToken: "t", baseUrl: "https://b.example" }],
    ]);
    expect(fetches).toEqual(["https://a.example/widget/v1/inboxes/t/config"]);
  });

  it("leaves an existing HummDesk alone (the snippet pasted twice, or widget.js ran first)", () => {
    const existing = () => "real";
    const window: Record<string, unknown> = { HummDesk: existing };
    runInNewContext(LOADER_SCRIPT, Object.assign(window, { window }));
    expect(window.HummDesk).toBe(existing);
  });
});

it("escapes what could end a script or a string in JSON", () => {
  expect(jsonForScript({ a: "</script>&\u2028" })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
});
