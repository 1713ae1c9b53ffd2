import { describe, expect, it } from "vitest";
import { linkify } from "./linkify.ts";

describe("linkify", () => {
  it.each([
    ["no links here", [{ kind: "text", text: "no links here" }]],
    [
      "Katso https://www.k-rauta.fi/tilaus.",
      [
        { kind: "text", text: "Katso " },
        { kind: "link", text: "https://www.k-rauta.fi/tilaus", href: "https://www.k-rauta.fi/tilaus" },
        { kind: "text", text: "." },
      ],
    ],
    [
      "(see http://example.com/a_(b))",
      [
        { kind: "text", text: "(see " },
        { kind: "link", text: "http://example.com/a_(b)", href: "http://example.com/a_(b)" },
        { kind: "text", text: ")" },
      ],
    ],
  ])("splits %j", (text, expected) => {
    expect(linkify(text)).toEqual(expected);
  });

  it("never links other schemes, and keeps markup as text", () => {
    const text = 'javascript:alert(1) <a href="x">data:text/html,hi</a> ftp://x.fi';
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
  });

  it("does not let a link swallow markup around it", () => {
    const segments = linkify("<b>https://k-rauta.fi/x</b>");
    expect(segments).toEqual([
      { kind: "text", text: "<b>" },
      { kind: "link", text: "https://k-rauta.fi/x", href: "https://k-rauta.fi/x" },
      { kind: "text", text: "</b>" },
    ]);
  });

  it("keeps every character of the input, in order", () => {
    const text = "a https://a.fi, b http://b.fi/x?y=1#z! c";
    expect(
      linkify(text)
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });
});
