import { buildSnippet } from "@hummdesk/widget/snippet";
import { describe, expect, it } from "vitest";
import { stripSnippet } from "./strip-snippet.ts";

const page = (body: string) =>
  `<html><head><script type="module" src="/assets/index.js"></script></head><body><main>Kauppa</main>${body}<script>window.analytics = 1;</script></body></html>`;

describe("stripSnippet", () => {
  it("removes the merchant snippet and keeps the page's other scripts", () => {
    const snippet = buildSnippet({ websiteToken: "krauta-storefront-demo", baseUrl: "http://127.0.0.1:3000" });
    expect(stripSnippet(page(snippet))).toBe(page(""));
  });

  it("refuses a page without the snippet rather than comparing a page with itself", () => {
    expect(() => stripSnippet(page(""))).toThrow(/no single merchant snippet/);
  });
});
