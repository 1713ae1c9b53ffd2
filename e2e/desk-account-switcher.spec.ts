/** The desk's account switcher, with the seeded support user who works for both demo shops: it
 * signs in to K-Rauta, switches to Trädgårdsboden (K-Rauta's conversations leave the list, the socket
 * authenticates for the new account and a Trädgårdsboden visitor's message arrives live), the
 * choice survives a reload and back/forward, a stale account in the address falls back with a
 * notice; a single-account agent sees no switcher; axe on the open menu, screenshots at 1280 and 390 px. */
import AxeBuilder from "@axe-core/playwright";
import type { Page, } from "@playwright/test";
import { agentApi, expect, KRAUTA, login, test } from "./fixtures.ts";
import { attachScreenshot } from "./page-checks.ts";
import { AGENT, hostPage, openChat, sendFromWidget } from "./widget-helpers.ts";

const SUPPORT = { email: "support@hummdesk.example", password: KRAUTA.agentPassword } as const;
const GARDEN_TOKEN = "tradgardsboden-web";

async function signIn(desk: Page, url: string, who: { email: string; password: string }) {
  await desk.goto(`${url}/desk`);
  await desk.getByTestId("sign-in-email").fill(who.email);
  await desk.getByTestId("sign-in-password").fill(who.password);
  await desk.getByTestId("sign-in-submit").click();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
}

/** A K-Rauta visitor's conversation, written through the widget API (the storefront is not under test here). */
async function krautaConversation(url: string, content: string): Promise<number> {
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} -> ${response.status} ${await response.text()}`);
    return response.json();
  };
  const { token } = (await post(`/widget/v1/inboxes/${KRAUTA.websiteToken}/visitors`, {})) as { token: string };
  const sent = (await post("/widget/v1/messages", { clientMessageId: `switcher-${Date.now()}`, content }, token)) as { conversation: { id: number } };
  return sent.conversation.id;
}

/** The auth frames the desk's agent sockets sent, in order. */
function recordSocketAuth(desk: Page): { accountId: number }[] {
  const frames: { accountId: number }[] = [];
  desk.on("websocket", (socket) => {
    if (!socket.url().endsWith("/api/v1/ws")) return;
    socket.on("framesent", ({ payload }) => {
      if (typeof payload !== "string") return;
      const frame = JSON.parse(payload) as { type?: string; accountId?: number };
      if (frame.type === "auth" && typeof frame.accountId === "number") frames.push({ accountId: frame.accountId });
    });
  });
  return frames;
}

test("an agent of two accounts switches from K-Rauta to Trädgårdsboden: its list, its live messages, its socket; reload and back keep the choice", async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const accounts = (await login(server.url, SUPPORT.email, SUPPORT.password)) as unknown as {
    accessToken: string;
    accounts: { id: number; name: string; subdomain: string }[];
  };
  const krauta = accounts.accounts.find((account) => account.subdomain === "k-rauta")!;
  const garden = accounts.accounts.find((account) => account.subdomain === "tradgardsboden")!;
  const krautaConversationId = await krautaConversation(server.url, "Onko teillä porakoneita vuokralle?");

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desk = await context.newPage();
  const auth = recordSocketAuth(desk);
  await signIn(desk, server.url, SUPPORT);

  // --- K-Rauta first (the first account), named in the header and in the address -----------------
  const switcher = desk.getByTestId("account-switcher");
  await expect(switcher).toHaveAccessibleName("Account: K-Rauta");
  await expect(desk.getByTestId(`conversation-item-${krautaConversationId}`)).toBeVisible();
  expect(new URL(desk.url()).hash).toContain("account=k-rauta");
  expect(auth.at(-1)).toEqual({ accountId: krauta.id });

  // --- the menu lists both accounts with the role in each; axe on the header with it open ---------
  await switcher.click();
  await expect(switcher).toHaveAttribute("aria-expanded", "true");
  const list = desk.getByRole("list", { name: "Switch account" });
  await expect(list.getByRole("button")).toHaveText([/K-Rauta\s*Supervisor/, /Trädgårdsboden\s*Administrator/]);
  await expect(desk.getByTestId("account-option-k-rauta")).toHaveAttribute("aria-current", "true");
  await expect(desk.getByTestId("account-option-k-rauta")).toBeFocused();
  await attachScreenshot(desk, testInfo, "account-switcher-open-1280.png", { fullPage: false });
  const results = await new AxeBuilder({ page: desk }).include(".desk-header").analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);

  // Escape closes it and gives the focus back; the keyboard then picks Trädgårdsboden.
  await desk.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(switcher).toBeFocused();
  await desk.keyboard.press("Enter");
  await desk.keyboard.press("ArrowDown");
  await expect(desk.getByTestId("account-option-tradgardsboden")).toBeFocused();
  await desk.keyboard.press("Enter");

  // --- Trädgårdsboden: K-Rauta's conversations are gone, the socket is the new account's -----------
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: Trädgårdsboden");
  await expect(desk.getByTestId("account-switcher")).toBeFocused();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  // The seeded shop has no conversations yet: its loaded list is empty.
  await expect(desk.getByTestId("conversation-list-empty")).toBeVisible();
  await expect(desk.getByTestId(`conversation-item-${krautaConversationId}`)).toHaveCount(0);
  expect(new URL(desk.url()).hash).toBe("#account=tradgardsboden");
  await expect.poll(() => auth.at(-1)).toEqual({ accountId: garden.id });

  // --- a visitor on Trädgårdsboden's site writes; the desk shows it live, without a reload ---------
  const { inboxes } = await agentApi<{ inboxes: { id: number; websiteToken: string }[] }>(
    server.url,
    accounts.accessToken,
    "GET",
    `/api/v1/accounts/${garden.id}/inboxes`,
  );
  const gardenInbox = inboxes.find((inbox) => inbox.websiteToken === GARDEN_TOKEN)!;
  const { snippet } = await agentApi<{ snippet: string }>(server.url, accounts.accessToken, "GET", `/api/v1/accounts/${garden.id}/inboxes/${gardenInbox.id}/snippet`);
  // The merchant page is set over the server's /health document, whose API CSP would refuse the
  // inline snippet (as in widget-a11y.spec.ts); only the visitor's context bypasses it, not the desk.
  const visitorContext = await browser.newContext({ locale: "sv-SE", bypassCSP: true });
  const shop = await visitorContext.newPage();
  await hostPage(shop, server, `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Trädgårdsboden</title></head><body><h1>Trädgårdsboden</h1>${snippet}</body></html>`);
  await openChat(shop);
  const question = "Hej! Tål rosorna frost i april?";
  const sent = await sendFromWidget(shop, question);
  const row = desk.getByTestId(`conversation-item-${sent.conversation.id}`);
  await expect(row).toContainText(question, { timeout: 15_000 });
  await row.click();
  await expect(desk.getByTestId("conversation-view")).toContainText(question);
  const more = "Och går det att beställa jord på pall?";
  await sendFromWidget(shop, more);
  await expect(desk.getByTestId("conversation-view")).toContainText(more);

  // --- a reload stays in Trädgårdsboden, on the same conversation -------------------------------
  await desk.reload();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: Trädgårdsboden");
  await expect(desk.getByTestId("conversation-view")).toContainText(more);
  await expect(desk.getByTestId(`conversation-item-${krautaConversationId}`)).toHaveCount(0);
  expect(auth.at(-1)).toEqual({ accountId: garden.id });

  // --- the back button returns to K-Rauta, forward to Trädgårdsboden -----------------------------
  await desk.getByTestId("account-switcher").click();
  await desk.getByTestId("account-option-k-rauta").click();
  await expect(desk.getByTestId(`conversation-item-${krautaConversationId}`)).toBeVisible();
  await desk.goBack();
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: Trädgårdsboden");
  await expect(desk.getByTestId(`conversation-item-${sent.conversation.id}`)).toBeVisible();
  await expect(desk.getByTestId(`conversation-item-${krautaConversationId}`)).toHaveCount(0);
  await desk.goForward();
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: K-Rauta");
  await expect(desk.getByTestId(`conversation-item-${sent.conversation.id}`)).toHaveCount(0);

  // --- the browser remembers the last account; an address naming another one falls back ----------
  await desk.getByTestId("account-switcher").click();
  await desk.getByTestId("account-option-tradgardsboden").click();
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: Trädgårdsboden");
  await desk.goto(`${server.url}/desk`);
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: Trädgårdsboden");
  await desk.goto("about:blank"); // a fresh load, not a hash change within the page
  await desk.goto(`${server.url}/desk#account=no-such-shop&c=${krautaConversationId}`);
  await expect(desk.getByTestId("account-switcher")).toHaveAccessibleName("Account: Trädgårdsboden");
  await expect(desk.getByRole("status").filter({ hasText: "not a member of the account “no-such-shop”" })).toBeVisible();
  await expect(desk.getByTestId("no-conversation")).toBeVisible();
  await expect.poll(() => new URL(desk.url()).hash).toBe("#account=tradgardsboden");

  // --- a phone: the switcher stays in the header and its menu fits the screen ---------------------
  await desk.setViewportSize({ width: 390, height: 844 });
  await desk.getByTestId("account-switcher").click();
  await expect(desk.getByTestId("account-list")).toBeVisible();
  const box = (await desk.getByTestId("account-list").boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await attachScreenshot(desk, testInfo, "account-switcher-open-390.png", { fullPage: false });

  await visitorContext.close();
  await context.close();
});

test("an agent of one account sees its name and no switcher", async ({ browser, server }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desk = await context.newPage();
  await signIn(desk, server.url, AGENT);
  await expect(desk.getByTestId("account-name")).toHaveText("K-Rauta");
  await expect(desk.getByTestId("account-switcher")).toHaveCount(0);
  await expect(desk.getByRole("list", { name: "Switch account" })).toHaveCount(0);
  await context.close();
});
