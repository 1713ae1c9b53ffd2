import { describe, expect, it } from "vitest";
import { previewDocument, scriptJson } from "./preview-document.ts";

const snippet = '<script src="http://localhost:3000/widget.js" async></script><script>HummDesk("init", {"websiteToken":"krauta-storefront-demo"});</script>';

describe("previewDocument", () => {
  it("runs the snippet and overrides the config with the unsaved settings", () => {
    const html = previewDocument({
      snippet,
      websiteToken: "krauta-storefront-demo",
      config: { color: "#00aa55", greeting: { fi: "Moikka!" } },
      openPanel: true,
      storageName: "hummdeskPreviewStorage",
      lang: "fi",
    });
    expect(html).toContain(snippet);
    expect(html).toContain('"color":"#00aa55"');
    expect(html).toContain('"/widget/v1/inboxes/" + encodeURIComponent("krauta-storefront-demo") + "/config"');
    expect(html).toContain('HummDesk("open")');
  });

  it("cannot be broken out of by a greeting that contains markup", () => {
    const html = previewDocument({
      snippet,
      websiteToken: "krauta-storefront-demo",
      config: { greeting: { en: "</script><script>alert(1)</script>" } },
      openPanel: false,
      storageName: "s",
      lang: "en",
    });
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain('HummDesk("open")');
  });

  it("escapes what closes a script element", () => {
    expect(scriptJson("</script>\u2028")).toBe('"\\u003c/script>\\u2028"');
  });
});
