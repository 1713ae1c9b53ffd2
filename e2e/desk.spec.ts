/** The desk's defects of issue 13, each played in two browser contexts (a visitor on the storefront,
 * an agent on the desk): sent auto-replies and overtaken drafts are not offered as actions; presence
 * follows the desk (closing it stops new assignments); notes reset to replies; agent names fit the
 * dropdown; activity lines show in the thread; the configurator speaks to merchants. */
import { expect, KRAUTA, test } from "./fixtures.ts";
import { startServerProcess } from "./server-process.ts";
import { openConversation, openDesk, signIn } from "./desk-helpers.ts";
import { configureInbox, inboxSettings, krauta, visitorAsks, widget } from "./widget-helpers.ts";

test("an auto-reply the AI already sent is history in the thread, never an 'Accept and send' draft", async ({ browser, server }) => {
  const k = await krauta(server);
  const before = await inboxSettings(k);
  await configureInbox(k, { aiMode: "auto_reply" });
  const { context: agentContext, desk } = await openDesk(browser, server.url);
  const { context: visitorContext, shop, conversationId } = await visitorAsks(browser, server.url, "Hei! Miten palautus toimii? Ostin porakoneen viime viikolla.");
  await expect(widget(shop).from("ai").first()).toBeVisible({ timeout: 30_000 });

  await openConversation(desk, conversationId);
  await expect(desk.locator('[data-sender-type="ai"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByTestId("ai-draft")).toHaveCount(0);
  await expect(desk.getByTestId("draft-accept")).toHaveCount(0);
  // Loaded from the API (not the live stream) it is history too.
  await desk.reload();
  await expect(desk.getByTestId("conversation-view")).toBeVisible();
  await expect(desk.locator('[data-sender-type="ai"]').first()).toBeVisible();
  await expect(desk.getByTestId("draft-accept")).toHaveCount(0);
  await configureInbox(k, { aiMode: before.aiMode });
  await agentContext.close();
  await visitorContext.close();
});

test("a draft leaves the desk's actions once the agent answered by hand; a note resets to reply mode; the reply reaches the visitor", async ({
  browser,
  server,
}) => {
  const k = await krauta(server);
  const before = await inboxSettings(k);
  await configureInbox(k, { aiMode: "suggest" });
  const { context: agentContext, desk } = await openDesk(browser, server.url);
  const { context: visitorContext, shop, conversationId } = await visitorAsks(browser, server.url, "Hei! Kauanko toimitus kestää Ouluun?");
  await openConversation(desk, conversationId);
  await expect(desk.getByTestId("ai-draft")).toHaveAttribute("data-status", "ready", { timeout: 30_000 });

  // A private note first: afterwards the composer is back in reply mode.
  await desk.getByTestId("reply-private-toggle").click();
  await desk.getByTestId("reply-input").fill("Tarkistan Oulun toimitusajan varastosta.");
  await desk.getByTestId("reply-send").click();
  await expect(desk.locator('[data-style="note"]').filter({ hasText: "Oulun toimitusajan" })).toBeVisible();
  await expect(desk.getByTestId("reply-mode-reply")).toHaveAttribute("aria-pressed", "true");
  await expect(desk.getByTestId("ai-draft")).toBeVisible();

  await desk.getByTestId("reply-input").fill("Toimitus Ouluun kestää 2–3 arkipäivää.");
  await desk.getByTestId("reply-send").click();
  await expect(widget(shop).from("agent").filter({ hasText: "2–3 arkipäivää" })).toBeVisible({ timeout: 15_000 });
  await expect(widget(shop).messages.filter({ hasText: "Oulun toimitusajan" })).toHaveCount(0);
  await expect(desk.getByTestId("ai-draft")).toHaveCount(0);
  await desk.reload();
  await expect(desk.getByTestId("conversation-view")).toBeVisible();
  await expect(desk.getByTestId("ai-draft")).toHaveCount(0);
  await configureInbox(k, { aiMode: before.aiMode });
  await agentContext.close();
  await visitorContext.close();
});

test("assigning and resolving show as activity lines; the agent dropdown shows whole names", async ({ browser, server }) => {
  const { context: agentContext, desk } = await openDesk(browser, server.url);
  const { context: visitorContext, conversationId } = await visitorAsks(browser, server.url, "Hei, onko Vantaan myymälä auki sunnuntaina?");
  await openConversation(desk, conversationId);

  const select = desk.getByTestId("assign-agent");
  const mikko = await select.locator("option", { hasText: "Mikko Korhonen" }).getAttribute("value");
  await select.selectOption(mikko!);
  await expect(desk.locator('[data-activity="conversation.assigned"]').filter({ hasText: "Mikko Korhonen" })).toBeVisible();
  // The closed select is wide enough for the chosen option's text.
  const fits = await select.evaluate((element: HTMLSelectElement) => {
    const style = getComputedStyle(element);
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = element.selectedOptions[0]?.textContent ?? "";
    const chrome = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight) + 8;
    return { text, needed: Math.ceil(canvas.measureText(text).width + chrome), width: element.clientWidth };
  });
  expect(fits.needed, `"${fits.text}"`).toBeLessThanOrEqual(fits.width);

  await desk.getByTestId("resolve-button").click();
  await expect(desk.locator('[data-activity="conversation.resolved"]')).toBeVisible();
  await desk.getByTestId("reopen-button").click();
  await expect(desk.locator('[data-activity="conversation.reopened"]')).toBeVisible();
  await agentContext.close();
  await visitorContext.close();
});

test("presence follows the desk: an agent who closed it stops receiving new conversations", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startServerProcess({ HUMMDESK_PRESENCE_GRACE_SECONDS: "2" });
  try {
    const k = await krauta(server);
    await configureInbox(k, { aiMode: "suggest" });
    // Nobody has the desk open: a returns question waits in the team's queue.
    const first = await visitorAsks(browser, server.url, "Haluan palauttaa porakoneen ja saada rahat takaisin.");
    const { context: agentContext, desk } = await openDesk(browser, server.url);
    // Aino opened the desk: the waiting conversation is routed to her.
    await openConversation(desk, first.conversationId);
    await expect(desk.getByTestId("assign-agent")).toHaveValue(/\d+/, { timeout: 20_000 });
    const aino = await desk.getByTestId("assign-agent").inputValue();
    expect(await desk.getByTestId("assign-agent").locator(`option[value="${aino}"]`).textContent()).toContain("Aino Virtanen");

    await agentContext.close();
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const second = await visitorAsks(browser, server.url, "Haluan palauttaa sahan, miten saan hyvityksen?");
    // Classified and given to the returns team, but to no agent: nobody is at a desk.
    const admin = await openDesk(browser, server.url, KRAUTA.admin);
    await openConversation(admin.desk, second.conversationId);
    await expect(admin.desk.getByTestId("classification-category")).toContainText(/return/i, { timeout: 20_000 });
    await expect(admin.desk.getByTestId("assign-team")).toContainText(/Palautukset/);
    await expect(admin.desk.getByTestId("assign-agent")).toHaveValue("");
    await admin.context.close();
    await first.context.close();
    await second.context.close();
  } finally {
    await server.dispose();
  }
});

test("configurator: #fff is a colour, '-5' minutes is a sentence and not previewed, left and right show in the preview, no sandbox warning", async ({
  page,
  server,
}) => {
  const k = await krauta(server);
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning" || message.type() === "error") warnings.push(message.text());
  });
  await page.goto(`${server.url}/configure`);
  await signIn(page, KRAUTA.admin.email, KRAUTA.admin.password);
  await expect(page.getByTestId("inbox-form")).toBeVisible();

  await page.getByTestId("reply-time").fill("-5");
  await page.getByTestId("inbox-name").fill("");
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("field-error-replyTimeMinutes")).toHaveText("Give the typical reply time in whole minutes, from 1 to 10080 (one week).");
  await expect(page.getByTestId("field-error-name")).toHaveText("Give the inbox a name; visitors see it in the chat header.");
  for (const text of await page.locator(".field-error").allTextContents()) expect(text).not.toMatch(/Too small|expected/);
  await page.getByTestId("inbox-name").fill("K-Rauta verkkokauppa");
  await page.getByTestId("reply-time").fill("5");

  const frame = page.getByTestId("preview-frame");
  const launcher = page.frameLocator('[data-testid="preview-frame"]').getByTestId("hummdesk-launcher");
  await page.getByTestId("preview-open").uncheck();
  for (const position of ["left", "right"] as const) {
    await page.getByTestId(`inbox-position-${position}`).check();
    await expect(async () => {
      const [box, button] = [await frame.boundingBox(), await launcher.boundingBox()];
      const middle = box!.x + box!.width / 2;
      expect(position === "left" ? button!.x + button!.width < middle : button!.x > middle).toBe(true);
    }).toPass({ timeout: 10_000 });
  }

  await page.getByTestId("inbox-color").fill("#fff");
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-status")).toContainText(/saved/i);
  expect((await inboxSettingsColor(k)).color).toBe("#fff");
  expect(warnings.filter((text) => /sandbox/i.test(text))).toEqual([]);
  await configureInbox(k, { color: "#e30613", position: "right" });
});

async function inboxSettingsColor(k: Awaited<ReturnType<typeof krauta>>) {
  const response = await fetch(`${k.url}/api/v1/accounts/${k.accountId}/inboxes`, { headers: { authorization: `Bearer ${k.admin}` } });
  const { inboxes } = (await response.json()) as { inboxes: { id: number; color: string }[] };
  return inboxes.find((inbox) => inbox.id === k.inboxId)!;
}
