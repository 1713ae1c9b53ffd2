/** The widget as a guest on someone else's page: calls made before it loaded, a page whose CSS attacks
 * every element, and markup smuggled in through replies and names. */
import { expect, test } from "./fixtures.ts";
import {
  agentReply,
  bubbleTexts,
  configureInbox,
  hostPage,
  inboxSettings,
  krauta,
  openChat,
  pageWithSnippet,
  sendFromWidget,
  snippetWith,
  storefrontSnippet,
  widget,
} from "./widget-helpers.ts";

// These merchant pages are set with setContent over the server's /health document, whose API CSP
// (script-src 'self', no inline) would refuse their inline snippet; the real pages' CSP is
// checked by static-routes.db.test.ts and by demo.spec.ts on the storefront.
test.use({ bypassCSP: true });

declare global {
  interface Window {
    calls: string[];
    queuedBeforeLoad: number;
  }
}

test("calls made before widget.js arrived are replayed: the panel opens and the ready callback runs", async ({ page, server }) => {
  const k = await krauta(server);
  const snippet = await storefrontSnippet(k);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested = 0;
  await page.route(`${server.url}/widget.js`, async (route) => {
    requested++;
    await released;
    await route.continue();
  });
  // An async script holds the load event, so only wait for the document.
  await hostPage(page, server, pageWithSnippet("queued.html", snippet), "domcontentloaded");
  await expect.poll(() => requested).toBe(1);
  expect(
    await page.evaluate(() => ({ queued: window.queuedBeforeLoad, calls: window.calls, host: document.querySelector("hummdesk-widget") !== null })),
  ).toEqual({ queued: 4, calls: [], host: false });

  release();
  const w = widget(page);
  await expect(w.panel).toBeVisible();
  await expect(w.input).toBeFocused();
  const config = (await (await fetch(`${server.url}/widget/v1/inboxes/krauta-storefront-demo/config`)).json()) as { inboxName: string };
  await expect.poll(() => page.evaluate(() => [...window.calls].sort())).toEqual(["open", `ready:${config.inboxName}`]);
});

for (const host of [
  { name: "the storefront", page: null },
  { name: "a page whose CSS attacks every element", page: "hostile.html" },
]) {
  test(`on ${host.name} the widget looks and works the same: launcher, panel, composer, send`, async ({ page, server }) => {
    const k = await krauta(server);
    const original = await inboxSettings(k);
    // No AI answer: the panel shows exactly what the screenshot expects.
    await configureInbox(k, { aiMode: "off" });
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      if (host.page) await hostPage(page, server, pageWithSnippet(host.page, await storefrontSnippet(k)));
      else await page.goto(server.url);
      const w = widget(page);
      await expect(w.launcher).toBeVisible();
      const launcher = (await w.launcher.boundingBox())!;
      // The launcher keeps its own size and corner, whatever the page's font and margins.
      expect(launcher.width).toBeGreaterThan(40);
      expect(launcher.width).toBeLessThan(100);
      expect(launcher.x + launcher.width).toBeCloseTo(1280 - 20, 0);
      expect(launcher.y + launcher.height).toBeCloseTo(800 - 20, 0);

      await openChat(page);
      await expect(w.input).toHaveCSS("font-size", "15px");
      await expect(w.send).toBeVisible();
      const text = "Onko terassilautoja vielä tarjouksessa?";
      await sendFromWidget(page, text);
      await expect(w.from("contact")).toHaveAttribute("data-delivery", "sent");
      await expect(w.from("contact")).toContainText(text);
      // One baseline for both pages: the host page changes nothing. The clock and the opening hours
      // are masked by a style in the shadow root (Playwright's masks are drawn in the page, where the
      // hostile CSS moves them; its `style` option does not reach into the shadow root).
      await page.evaluate(() => {
        const mask = document.createElement("style");
        mask.textContent = 'time, [part="header"] p { visibility: hidden !important; }';
        document.querySelector("hummdesk-widget")!.shadowRoot!.append(mask);
      });
      await expect(w.panel).toHaveScreenshot("panel-with-a-message.png", { maxDiffPixelRatio: 0.01 });

      // And it closes again from its own button.
      await w.close.click();
      await expect(w.panel).toBeHidden();
      await expect(w.launcher).toBeFocused();
    } finally {
      await configureInbox(k, { aiMode: original.aiMode });
    }
  });
}

/** What an attacker puts in a reply or a name, and the http(s) links it may show. */
const PAYLOADS: { text: string; links: string[] }[] = [
  { text: "<img src=x onerror=alert(1)>", links: [] },
  { text: "<script>alert(1)</script>", links: [] },
  { text: "javascript:alert(1)", links: [] },
  { text: '<a href="javascript:alert(1)">avaa</a>', links: [] },
  { text: "[klikkaa](javascript:alert(1)) tai data:text/html,<script>alert(1)</script>", links: [] },
  { text: '"><svg onload=alert(1)>', links: [] },
  { text: "Katso https://www.k-rauta.example/palautukset?tilaus=1&x=<b>y</b> ja http://k-rauta.example/a\"onmouseover=\"alert(1)", links: ["https://www.k-rauta.example/palautukset?tilaus=1&x=", "http://k-rauta.example/a"] },
];

test("markup in agent replies, visitor messages and names shows as text; no script runs; only http(s) links are clickable, opened safely", async ({
  page,
  server,
}) => {
  const k = await krauta(server);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const [nameAttack, greetingAttack, launcherAttack] = ['<img src=x onerror=alert("name")>', '"><svg onload=alert("greeting")>', "<script>alert('launcher')</script>"];
  const original = await inboxSettings(k);
  await configureInbox(k, { aiMode: "off", name: nameAttack, greeting: { fi: greetingAttack, sv: greetingAttack, en: greetingAttack } });
  try {
    await hostPage(page, server, `<!doctype html><html lang="fi"><body><h1>Kauppa</h1>${await snippetWith(k, { launcherText: launcherAttack })}</body></html>`);
    const w = widget(page);
    await expect(w.launcher).toHaveText(launcherAttack);
    await openChat(page);
    await expect(page.locator("#hummdesk-title")).toHaveText(nameAttack);
    await expect(page.getByTestId("hummdesk-greeting")).toHaveText(greetingAttack);

    const { conversation } = await sendFromWidget(page, PAYLOADS[0]!.text);
    for (const payload of PAYLOADS) await agentReply(k, conversation.id, payload.text);
    await expect(w.from("agent")).toHaveCount(PAYLOADS.length);
    expect(await bubbleTexts(page)).toEqual([`contact: ${PAYLOADS[0]!.text}`, ...PAYLOADS.map((p) => `agent: ${p.text}`)]);

    for (const [index, payload] of PAYLOADS.entries()) {
      const bubble = w.from("agent").nth(index);
      await bubble.hover();
      const links = await bubble.locator("a").evaluateAll((anchors) =>
        anchors.map((a) => ({ href: a.getAttribute("href"), rel: a.getAttribute("rel"), target: a.getAttribute("target") })),
      );
      expect(links.map((link) => link.href)).toEqual(payload.links);
      for (const link of links) expect(link).toMatchObject({ rel: "noopener noreferrer", target: "_blank" });
    }
    await page.getByText("javascript:alert(1)", { exact: true }).click();
    // No element came out of any text: only the widget's own icons are in its tree.
    const smuggled = await page.evaluate(() => {
      const shadow = document.querySelector("hummdesk-widget")!.shadowRoot!;
      const svgOutsideButtons = [...shadow.querySelectorAll("svg")].filter((svg) => !svg.closest("button"));
      return [...shadow.querySelectorAll("img, script, iframe, object, embed, b, [onerror], [onload], [onmouseover]"), ...svgOutsideButtons].map(
        (element) => element.outerHTML,
      );
    });
    expect(smuggled).toEqual([]);
    // Nor outside it, in the page.
    expect(await page.evaluate(() => document.querySelectorAll("img, svg, iframe").length)).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    await configureInbox(k, { aiMode: original.aiMode, name: original.name, greeting: original.greeting });
  }
});
