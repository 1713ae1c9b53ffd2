/** Websockets blocked (a corporate proxy): the widget falls back to the same socket over HTTP
 * (GET/POST /widget/v1/stream) and stays live: the AI answer streams in, an agent's reply from the
 * desk in another browser arrives at once, and after a reload it resumes without loss or doubles. */
import { expect, test } from "./fixtures.ts";
import { openConversation, openDesk } from "./desk-helpers.ts";
import { attachScreenshot, axeFindsNothingSerious } from "./page-checks.ts";
import { configureInbox, inboxSettings, krauta, openChat, sendFromWidget, widget } from "./widget-helpers.ts";

test("with websockets blocked the chat runs over the HTTP stream: AI answer, a live desk reply, a reload", async ({ browser, server }, testInfo) => {
  test.setTimeout(90_000);
  const k = await krauta(server);
  const before = await inboxSettings(k);
  await configureInbox(k, { aiMode: "auto_reply" });
  try {
    const { context: agentContext, desk } = await openDesk(browser, server.url);
    const visitorContext = await browser.newContext({ locale: "fi-FI" });
    // Every websocket the page opens is refused before it gets anywhere, as a blocking proxy does.
    let refusedSockets = 0;
    await visitorContext.routeWebSocket(/\/widget\/v1\/ws$/, (socket) => {
      refusedSockets++;
      void socket.close({ code: 1011, reason: "blocked by proxy" });
    });
    const shop = await visitorContext.newPage();
    const streams: string[] = [];
    shop.on("request", (request) => {
      if (new URL(request.url()).pathname === "/widget/v1/stream") streams.push(request.method());
    });
    await shop.goto(server.url);
    await openChat(shop);
    const { conversation } = await sendFromWidget(shop, "Hei! Miten palautus toimii? Ostin porakoneen viime viikolla.");
    const w = widget(shop);

    // The AI's answer arrives over the stream.
    await expect(w.from("ai").first()).toContainText("30", { timeout: 30_000 });
    expect(refusedSockets).toBeGreaterThanOrEqual(2);
    expect(streams).toContain("GET");
    expect(streams).toContain("POST");

    // An agent in another browser answers: the visitor sees it without a reload.
    await openConversation(desk, conversation.id);
    await desk.getByTestId("reply-input").fill("Voit tuoda porakoneen mihin tahansa K-Raudan myymälään kuitin kanssa.");
    await desk.getByTestId("reply-send").click();
    await expect(w.from("agent").filter({ hasText: "mihin tahansa K-Raudan myymälään" })).toBeVisible({ timeout: 15_000 });
    await attachScreenshot(shop, testInfo, "widget-over-http-stream-1280");
    await axeFindsNothingSerious(shop, "widget over the HTTP stream");

    // A reload: the same conversation, each message once, and still live.
    await shop.setViewportSize({ width: 390, height: 844 });
    await shop.reload();
    // The panel's open state is kept across page loads.
    await expect(w.panel).toBeVisible();
    await expect(w.from("agent")).toHaveCount(1);
    await expect(w.from("contact")).toHaveCount(1);
    await desk.getByTestId("reply-input").fill("Hyvitys tulee 14 päivän kuluessa.");
    await desk.getByTestId("reply-send").click();
    await expect(w.from("agent")).toHaveCount(2, { timeout: 15_000 });
    await attachScreenshot(shop, testInfo, "widget-over-http-stream-390");

    await agentContext.close();
    await visitorContext.close();
  } finally {
    await configureInbox(k, { aiMode: before.aiMode });
  }
});
