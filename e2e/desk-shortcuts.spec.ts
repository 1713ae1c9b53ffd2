/** The desk by keyboard, in two browser contexts (visitors on the storefront, an agent on the desk):
 * j/k move through the list, r focuses the reply box, `/` picks a seeded canned response that
 * reaches the visitor, e resolves, ? shows the shortcuts; a desktop notification for another
 * conversation; the mute switch survives a reload; axe finds nothing serious with the picker open. */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { agentApi, expect, test } from "./fixtures.ts";
import { AGENT, configureInbox, inboxSettings, krauta, sendFromWidget, visitorAsks, widget } from "./widget-helpers.ts";

/** Wraps the browser's Notification so the test can read what the desk showed (the real one still runs). */
const RECORD_NOTIFICATIONS = () => {
  const shown: { title: string; body: string }[] = [];
  (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body ?? "" });
    }
  } as typeof Notification;
};

async function openDesk(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["notifications"], { origin: url });
  const desk = await context.newPage();
  await desk.addInitScript(RECORD_NOTIFICATIONS);
  await desk.goto(`${url}/desk`);
  await desk.getByTestId("sign-in-email").fill(AGENT.email);
  await desk.getByTestId("sign-in-password").fill(AGENT.password);
  await desk.getByTestId("sign-in-submit").click();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  return { context, desk };
}

const openId = (desk: Page) => desk.getByTestId("conversation-view").getAttribute("data-conversation-id").then(Number);

async function listOrder(desk: Page): Promise<number[]> {
  const ids = await desk.getByTestId("conversation-list").locator("[data-testid^=conversation-item-]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")));
  return ids.map((id) => Number(id?.replace("conversation-item-", "")));
}

test("j/k move, r replies with a /canned response the visitor receives, e resolves, ? explains; notifications for other conversations", async ({
  browser,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const k = await krauta(server);
  const before = await inboxSettings(k);
  await configureInbox(k, { aiMode: "suggest" });
  const { cannedResponses } = await agentApi<{ cannedResponses: { shortCode: string; content: string }[] }>(
    server.url,
    k.agent,
    "GET",
    `/api/v1/accounts/${k.accountId}/canned-responses`,
  );
  const palautus = cannedResponses.find((c) => c.shortCode === "palautus")!;
  const thanks = cannedResponses.find((c) => c.shortCode === "thanks")!;

  const { context: agentContext, desk } = await openDesk(browser, server.url);
  const returns = await visitorAsks(browser, server.url, "Hei! Voiko porakoneen palauttaa, jos se on käyttämätön?");
  const delivery = await visitorAsks(browser, server.url, "Kauanko toimitus kestää Tampereelle?");
  for (const id of [returns.conversationId, delivery.conversationId]) {
    // Classified (and routed): the list stops reordering before the keys are pressed.
    await expect(desk.getByTestId(`item-category-${id}`)).toBeVisible({ timeout: 30_000 });
  }

  // --- j and k walk the list from the top; they never run past either end ----------------------
  const order = await listOrder(desk);
  expect(order).toEqual(expect.arrayContaining([returns.conversationId, delivery.conversationId]));
  await desk.keyboard.press("j");
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(order[0]));
  await expect(desk.getByTestId(`conversation-item-${order[0]}`)).toHaveAttribute("aria-current", "true");
  await desk.keyboard.press("j");
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(order[1]));
  await desk.keyboard.press("k");
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(order[0]));
  await desk.keyboard.press("k");
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(order[0]));
  if ((await openId(desk)) !== returns.conversationId) await desk.keyboard.press(order.indexOf(returns.conversationId) > 0 ? "j" : "k");
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(returns.conversationId));

  // --- r focuses the reply box (the r itself is not typed); there, letters are only letters ----
  const input = desk.getByTestId("reply-input");
  await desk.keyboard.press("r");
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("");
  await desk.keyboard.type("jke");
  await expect(input).toHaveValue("jke");
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(returns.conversationId));
  await expect(desk.getByTestId("conversation-status")).toHaveText(/open/i);
  await input.fill("");

  // --- / opens the picker; Escape closes it; the mouse can pick ---------------------------------
  const picker = desk.getByTestId("canned-picker");
  const options = desk.getByRole("listbox", { name: "Canned responses" }).getByRole("option");
  await desk.keyboard.type("/");
  await expect(options).toHaveCount(cannedResponses.length);
  await expect(desk.getByTestId("canned-button")).toHaveAttribute("aria-expanded", "true");
  await desk.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  await expect(desk.getByTestId("canned-button")).toHaveAttribute("aria-expanded", "false");
  await expect(desk.getByTestId("conversation-view")).toBeVisible();
  await desk.keyboard.press("Backspace");
  await desk.keyboard.type("/tha");
  await desk.getByTestId("canned-option-thanks").click();
  await expect(input).toHaveValue(thanks.content);
  await expect(input).toBeFocused();
  await input.fill("");

  // --- the keyboard picks: /pa lists palautus first, arrows move, Enter inserts in place ------
  await desk.keyboard.type("/pa");
  await expect(options.first()).toHaveAttribute("data-testid", "canned-option-palautus");
  await expect(options.nth(1)).toHaveAttribute("data-testid", "canned-option-toimitus"); // its text says "Pakettitoimitus"
  const activeOption = () => input.getAttribute("aria-activedescendant").then((id) => desk.locator(`#${id}`).getAttribute("data-testid"));
  expect(await activeOption()).toBe("canned-option-palautus");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await desk.keyboard.press("ArrowDown");
  expect(await activeOption()).toBe("canned-option-toimitus");
  await desk.keyboard.press("ArrowDown");
  expect(await activeOption()).toBe("canned-option-palautus"); // wraps
  await desk.keyboard.press("ArrowUp");
  expect(await activeOption()).toBe("canned-option-toimitus");
  await desk.keyboard.press("ArrowUp");
  expect(await activeOption()).toBe("canned-option-palautus");

  await desk.screenshot({ path: testInfo.outputPath("canned-picker-desktop.png") });
  const results = await new AxeBuilder({ page: desk }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);

  await desk.keyboard.press("Enter");
  await expect(picker).toBeHidden();
  await expect(input).toHaveValue(palautus.content);
  await expect(input).not.toHaveAttribute("aria-activedescendant");
  await desk.keyboard.press("Control+Enter");
  await expect(widget(returns.shop).from("agent").filter({ hasText: palautus.content })).toBeVisible({ timeout: 15_000 });
  await expect(input).toHaveValue("");

  // --- another visitor writes: a desktop notification names them (permission granted) ---------
  await sendFromWidget(delivery.shop, "Entä Ouluun?");
  await expect
    .poll(() => desk.evaluate(() => (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications))
    .toContainEqual(expect.objectContaining({ body: "Entä Ouluun?" }));
  await expect(desk.getByTestId("enable-desktop-notifications")).toHaveCount(0); // already allowed

  // --- e resolves the open conversation, from outside the reply box -----------------------------
  await desk.keyboard.press("Tab");
  await expect(input).not.toBeFocused();
  await desk.keyboard.press("e");
  await expect(desk.getByTestId("conversation-status")).toHaveText(/resolved/i);
  await expect(desk.locator('[data-activity="conversation.resolved"]')).toBeVisible();

  // --- ? opens the shortcuts, Escape closes them, and keys do nothing while it is open --------
  await desk.keyboard.press("?");
  const help = desk.getByTestId("shortcuts-help");
  await expect(help).toBeVisible();
  await expect(help.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  const opened = await openId(desk);
  await desk.keyboard.press("j");
  expect(await openId(desk)).toBe(opened);
  await desk.screenshot({ path: testInfo.outputPath("shortcuts-help-desktop.png") });
  await desk.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // --- muted, the next visitor message shows no notification ------------------------------------
  const shown = () => desk.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications.length);
  const countBefore = await shown();
  await desk.getByTestId("mute-toggle").click();
  await expect(desk.getByTestId("mute-toggle")).toHaveAttribute("aria-pressed", "true");
  await sendFromWidget(delivery.shop, "Onko Ouluun rahtitoimitus?");
  await expect(desk.getByTestId(`conversation-item-${delivery.conversationId}`)).toContainText("rahtitoimitus");
  expect(await shown()).toBe(countBefore);

  await configureInbox(k, { aiMode: before.aiMode });
  await agentContext.close();
  await returns.context.close();
  await delivery.context.close();
});

test("the mute switch survives a reload; desktop notifications are never asked for on load; the header fits a phone", async ({ browser, server }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desk = await context.newPage();
  await desk.addInitScript(RECORD_NOTIFICATIONS);
  await desk.addInitScript(() => {
    const ask = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = () => {
      (window as unknown as { askedPermission: boolean }).askedPermission = true;
      return ask();
    };
  });
  await desk.goto(`${server.url}/desk`);
  await desk.getByTestId("sign-in-email").fill(AGENT.email);
  await desk.getByTestId("sign-in-password").fill(AGENT.password);
  await desk.getByTestId("sign-in-submit").click();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  expect(await desk.evaluate(() => (window as unknown as { askedPermission?: boolean }).askedPermission ?? false)).toBe(false);
  await expect(desk.getByTestId("enable-desktop-notifications")).toBeVisible();

  const mute = desk.getByTestId("mute-toggle");
  await expect(mute).toHaveAttribute("aria-pressed", "false");
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await desk.reload();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "false");
  await desk.reload();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  await expect(mute).toHaveAttribute("aria-pressed", "false");

  await desk.setViewportSize({ width: 390, height: 844 });
  await expect(mute).toBeVisible();
  await expect(desk.getByTestId("shortcuts-button")).toBeVisible();
  expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await desk.screenshot({ path: testInfo.outputPath("desk-header-phone.png") });
  await context.close();
});
