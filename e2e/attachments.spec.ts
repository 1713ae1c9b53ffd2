/** Files on both sides, in two browsers: a visitor attaches a photo in the widget and the agent
 * sees it on the desk; the agent attaches a PDF and the visitor gets it live; a file that only
 * claims to be an image is refused (the widget shows it as not sent). */
import { expect, test } from "./fixtures.ts";
import { openConversation, openDesk } from "./desk-helpers.ts";
import { attachScreenshot, axeFindsNothingSerious } from "./page-checks.ts";
import { configureInbox, inboxSettings, krauta, openChat, sendFromWidget, widget } from "./widget-helpers.ts";

// A 1×1 PNG, and a one-page PDF.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a visitor's photo reaches the desk, the agent's PDF reaches the widget live, a fake image is refused", async ({ browser, server }, testInfo) => {
  test.setTimeout(90_000);
  const k = await krauta(server);
  const before = await inboxSettings(k);
  await configureInbox(k, { aiMode: "off" });
  try {
    const { context: agentContext, desk } = await openDesk(browser, server.url);
    const visitorContext = await browser.newContext({ locale: "fi-FI" });
    const shop = await visitorContext.newPage();
    await shop.goto(server.url);
    await openChat(shop);
    const { conversation } = await sendFromWidget(shop, "Hei, hylly tuli rikki, tässä kuva.");
    const w = widget(shop);

    await shop.locator('input[type="file"]').setInputFiles({ name: "rikki-hylly.png", mimeType: "image/png", buffer: PNG });
    const sentPhoto = w.from("contact").filter({ has: shop.getByTestId("hummdesk-attachment") });
    await expect(sentPhoto).toHaveAttribute("data-delivery", "sent", { timeout: 15_000 });
    await expect(sentPhoto.locator("img")).toHaveAttribute("alt", "rikki-hylly.png");

    await openConversation(desk, conversation.id);
    const onDesk = desk.getByTestId("message-attachment").filter({ has: desk.locator('img[alt^="rikki-hylly.png"]') });
    await expect(onDesk).toBeVisible({ timeout: 15_000 });
    // The thumbnail really loads from the server.
    await expect.poll(() => onDesk.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

    await desk.getByTestId("reply-file-input").setInputFiles({ name: "asennusohje.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(desk.getByTestId("reply-attachment")).toContainText("asennusohje.pdf");
    await desk.getByTestId("reply-input").fill("Tässä hyllyn asennusohje.");
    await desk.getByTestId("reply-send").click();
    const pdf = w.from("agent").getByTestId("hummdesk-attachment");
    await expect(pdf).toContainText("asennusohje.pdf", { timeout: 15_000 });
    await expect(w.from("agent")).toContainText("Tässä hyllyn asennusohje.");
    const href = await pdf.getAttribute("href");
    const download = await shop.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    await expect(desk.getByTestId("reply-attachment")).toHaveCount(0);

    await attachScreenshot(shop, testInfo, "widget-attachments-1280", { fullPage: false });
    await attachScreenshot(desk, testInfo, "desk-attachments-1280");
    await axeFindsNothingSerious(shop, "widget with attachments");
    await axeFindsNothingSerious(desk, "desk with attachments");

    // Bytes that only claim to be an image: the server refuses them (415) and the widget says "not sent".
    await shop.locator('input[type="file"]').setInputFiles({ name: "kuva.png", mimeType: "image/png", buffer: Buffer.from("<html>not an image</html>") });
    const refused = w.from("contact").filter({ hasText: "kuva.png" });
    await expect(refused).toHaveAttribute("data-delivery", "failed", { timeout: 15_000 });

    await shop.setViewportSize({ width: 390, height: 844 });
    await attachScreenshot(shop, testInfo, "widget-attachments-390", { fullPage: false });
    await desk.setViewportSize({ width: 390, height: 844 });
    await expect(desk.getByTestId("message-attachment").first()).toBeVisible();
    await attachScreenshot(desk, testInfo, "desk-attachments-390");
    await axeFindsNothingSerious(desk, "desk with attachments at 390 px");
    await agentContext.close();
    await visitorContext.close();
  } finally {
    await configureInbox(k, { aiMode: before.aiMode });
  }
});
