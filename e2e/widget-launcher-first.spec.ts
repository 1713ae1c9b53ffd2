/** The launcher-first widget: widget.js paints the launcher at once, the chat chunk comes when the visitor needs it. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { krauta, openChat, sendFromWidget, storefrontSnippet, widget } from "./widget-helpers.ts";

// A Finnish visitor (the launcher's language follows the browser before the inbox's default).
test.use({ locale: "fi-FI" });

declare global {
  interface Window {
    launcherAt: number;
    loadedBeforeLauncher: boolean;
    launcherWithHost: boolean;
  }
}

const isChatChunk = (url: string) => /\/chat-[\w-]+\.js$/.test(new URL(url).pathname);

/** Counts the chat chunk's requests (the entry and its language). */
function chatRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on("request", (request) => {
    if (isChatChunk(request.url())) requested.push(new URL(request.url()).pathname);
  });
  return requested;
}

/** A merchant's own site on another origin (no request interception, which would slow every
 * request): a page with a slow hero image that holds its load event for 4 s, noting when the
 * launcher first exists. How fast that is, is measured by `pnpm bench` (widget speed), not here. */
async function slowShop(snippet: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="fi"><head><title>Shop</title></head><body>
    <img src="/hero.png" alt="">
    <script>
      window.snippetAt = performance.now();
      // Watched by mutation observers (microtasks), so "with the host" means in the same task.
      new MutationObserver((_, bodyWatch) => {
        const host = document.querySelector("hummdesk-widget");
        if (!host) return;
        bodyWatch.disconnect();
        const seen = () => {
          if (!host.shadowRoot.querySelector("[data-testid=hummdesk-launcher]")) return false;
          window.launcherAt = performance.now();
          window.loadedBeforeLauncher = document.readyState === "complete";
          return true;
        };
        window.launcherWithHost = seen();
        if (!window.launcherWithHost) new MutationObserver((_, shadowWatch) => seen() && shadowWatch.disconnect()).observe(host.shadowRoot, { childList: true, subtree: true });
      }).observe(document.body, { childList: true });
    </script>
    ${snippet}
  </body></html>`;
  const timers = new Set<NodeJS.Timeout>();
  const shop = createServer((request, response) => {
    if (request.url === "/hero.png") {
      const timer = setTimeout(() => response.writeHead(404).end(), 4000);
      timers.add(timer);
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  const address = shop.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      shop.closeAllConnections();
      await new Promise((resolve) => shop.close(resolve));
    },
  };
}

test("the launcher paints before a slow page's load event, and on a repeat visit without waiting for any request; the chat loads on hover", async ({
  page,
  server,
}) => {
  const k = await krauta(server);
  const shop = await slowShop(await storefrontSnippet(k));
  try {
    const requested = chatRequests(page);
    const marks = async () => {
      await page.waitForFunction(() => window.launcherAt > 0);
      return page.evaluate(() => ({ loadedBefore: window.loadedBeforeLauncher, withHost: window.launcherWithHost }));
    };

    // First visit: the config comes first (one request, started by the snippet itself while
    // widget.js loads), then the launcher, long before the load event.
    const configRequests: string[] = [];
    page.on("request", (request) => {
      if (/\/widget\/v1\/inboxes\/[^/]+\/config$/.test(new URL(request.url()).pathname)) configRequests.push(request.url());
    });
    const widgetScript = page.waitForRequest((request) => new URL(request.url()).pathname === "/widget.js");
    const configRequest = page.waitForRequest((request) => /\/config$/.test(new URL(request.url()).pathname));
    await page.goto(shop.url, { waitUntil: "domcontentloaded" });
    await Promise.all([widgetScript, configRequest]);
    const w = widget(page);
    await expect(w.launcher).toBeVisible();
    expect(configRequests).toHaveLength(1);
    expect(await marks()).toEqual({ loadedBefore: false, withHost: false });
    expect(await w.launcher.getAttribute("aria-label")).toBe("Avaa chat");

    // Neither Preact nor the panel was needed for that.
    await page.waitForTimeout(300);
    expect(requested).toEqual([]);

    // A repeat visit paints from the kept config, in the same task that adds the widget.
    await page.goto(shop.url, { waitUntil: "domcontentloaded" });
    await expect(w.launcher).toBeVisible();
    expect(await marks()).toEqual({ loadedBefore: false, withHost: true });
    expect(await w.launcher.getAttribute("aria-label")).toBe("Avaa chat");

    await w.launcher.hover();
    await expect.poll(() => requested.length).toBe(2);
    // The entry and one language: Finnish only.
    expect(requested.filter((path) => /\/chat-fi-/.test(path))).toHaveLength(1);
    expect(requested.some((path) => /\/chat-(sv|en)-/.test(path))).toBe(false);
    await openChat(page);
    await expect(page.getByTestId("hummdesk-greeting")).toContainText("Hei!");
  } finally {
    await shop.close();
  }
});

test("the chat loads at idle time after the page's load event, without any visitor action", async ({ page, server }) => {
  const requested = chatRequests(page);
  await page.goto(server.url);
  await expect(widget(page).launcher).toBeVisible();
  await expect.poll(() => requested.length, { timeout: 8000 }).toBe(2);
});

test("a visitor with a conversation gets the chat at once, and the panel stays open (or closed) across page loads", async ({ page, server }) => {
  await page.goto(server.url);
  await openChat(page);
  await sendFromWidget(page, "Onko teillä terassilautoja?");
  const w = widget(page);

  // Left open: open again after the reload, with the conversation, without a click.
  await page.reload({ waitUntil: "domcontentloaded" });
  await expect(w.panel).toBeVisible();
  await expect(w.from("contact").filter({ hasText: "terassilautoja" })).toBeVisible();

  // Closed: closed after the reload; the chat still loads at once (the unread count needs it).
  await w.close.click();
  await expect(w.panel).toBeHidden();
  const requested = chatRequests(page);
  await page.reload({ waitUntil: "domcontentloaded" });
  await expect(w.launcher).toBeVisible();
  await expect.poll(() => requested.length).toBe(2);
  await expect(w.panel).toHaveCount(0);
  await expect(w.launcher).toHaveAttribute("aria-expanded", "false");
});

test("a click on the launcher opens the chat even when the launcher repaints between press and release", async ({ page, server }) => {
  await krauta(server);
  await page.goto(server.url);
  const w = widget(page);
  await expect(w.launcher).toBeVisible();
  const box = (await w.launcher.boundingBox())!;
  // Pressed on the icon; the page switches the widget's language (the launcher's label, text and
  // icon are painted again) before the release. The same happens when a message arrives mid-click.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.evaluate(() => (window as unknown as { HummDesk: (...args: unknown[]) => void }).HummDesk("setLocale", "sv"));
  await expect(w.launcher).toHaveAttribute("aria-label", "Öppna chatten");
  await page.mouse.up();
  await expect(w.panel).toBeVisible();
  await expect(w.launcher).toHaveAttribute("aria-expanded", "true");
});
