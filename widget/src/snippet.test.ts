import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LOADER_SCRIPT } from "./loader.ts";
import { buildSnippet, jsonForScript } from "./snippet.ts";

/** Runs the snippet's script body the way a page would, with a recording document. */
function runSnippet(html: string, answer?: Response) {
  const body = /^<script>\n([\s\S]*)\n<\/script>$/.exec(html)?.[1];
  if (body === undefined) throw new Error(`not one <script> block: ${html}`);
  const scripts: { async: boolean; src: string; fetchPriority?: string }[] = [];
  const window: Record<string, unknown> = {};
  const document = {
    createElement: () => ({ async: false, src: "" }),
    head: { appendChild: (script: { async: boolean; src: string }) => scripts.push(script) },
  };
  window.window = window;
  const fetches: string[] = [];
  const fetch = (url: string) => {
    fetches.push(url);
    return answer ? Promise.resolve(Object.defineProperty(answer, "url", { value: url })) : Promise.reject(new Error("offline"));
  };
  runInNewContext(body, Object.assign(window, { document, fetch }));
  const hummDesk = window.HummDesk as ((...args: unknown[]) => void) & { q: ArrayLike<unknown>[]; c?: Promise<unknown> };
  return { hummDesk, scripts, fetches, calls: () => Array.from(hummDesk.q, (args) => JSON.parse(JSON.stringify(Array.from(args)))) };
}

describe("buildSnippet", () => {
  it("loads widget.js from baseUrl, requests the inbox's config, and calls init with exactly the options given", async () => {
    const html = buildSnippet({ baseUrl: "https://chat.k-rauta.fi/", websiteToken: "abc123", position: "left", darkMode: "auto" });
    const { hummDesk, scripts, fetches, calls } = runSnippet(html);
    expect(scripts).toEqual([{ async: true, fetchPriority: "high", src: "https://chat.k-rauta.fi/widget.js" }]);
    // The config is requested while widget.js loads; a failed request is widget.js's to repeat.
    expect(fetches).toEqual(["https://chat.k-rauta.fi/widget/v1/inboxes/abc123/config"]);
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
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("<!--");
    expect(runSnippet(html).calls()).toEqual([
      ["init", { websiteToken: hostile, baseUrl: "https://chat.k-rauta.fi", launcherText: hostile }],
    ]);
  });

  it("accepts a root-relative baseUrl (the widget served by the page's own origin)", () => {
    expect(runSnippet(buildSnippet({ baseUrl: "/", websiteToken: "t" })).scripts[0]?.src).toBe("/widget.js");
  });

  it.each(["javascript:alert(1)", "//evil.example", "chat.k-rauta.fi", ""])("refuses the baseUrl %s", (baseUrl) => {
    expect(() => buildSnippet({ baseUrl, websiteToken: "t" })).toThrow(/baseUrl/);
  });

  it("refuses a snippet without a websiteToken", () => {
    expect(() => buildSnippet({ baseUrl: "https://chat.k-rauta.fi", websiteToken: "" })).toThrow(/websiteToken/);
  });
});

describe("the loader", () => {
  it("queues calls in order and requests widget.js once", () => {
    const { hummDesk, scripts, calls } = runSnippet(`<script>\n${LOADER_SCRIPT}\n</script>`);
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
    expect(scripts.map((script) => script.src)).toEqual(["https://a.example/widget.js"]);
  });

  it("leaves an existing HummDesk alone (the snippet pasted twice)", () => {
    const existing = () => "real";
    const window: Record<string, unknown> = { HummDesk: existing };
    runInNewContext(LOADER_SCRIPT, Object.assign(window, { window, document: {} }));
    expect(window.HummDesk).toBe(existing);
  });
});

it("escapes what could end a script or a string in JSON", () => {
  expect(jsonForScript({ a: "</script>&\u2028" })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
});
