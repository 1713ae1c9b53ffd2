
import { expect, test } from "./fixtures.ts";
import { attachScreenshot, axeFindsNothingSerious } from "./page-checks.ts";
import { AGENT, openChat, sendFromWidget } from "./widget-helpers.ts";

/** Not the browser the test runs: the desk must read what the visitor's browser reported. */
const VISITOR_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68";
const VISITOR_ZONE = "Asia/Tokyo";

/** The visitor's clock as the desk should show it (en-GB agent), a minute either side of now. */
function visitorClockCandidates(): string[] {
  const format = new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: VISITOR_ZONE });
  return [-60_000, 0, 60_000].map((shift) => format.format(Date.now() + shift));
}

test("the details pane shows the visitor's page, browser, local time and language, and their rating live", async ({ browser, server }, testInfo) => {
  test.setTimeout(90_000);
  // The agent sits in New York: the visitor's local time must not be the agent's.
  const agentContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "America/New_York" });
  const desk = await agentContext.newPage();
  await desk.goto(`${server.url}/desk`);
  await desk.getByTestId("sign-in-email").fill(AGENT.email);
  await desk.getByTestId("sign-in-password").fill(AGENT.password);
  await desk.getByTestId("sign-in-submit").click();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");

  const visitorContext = await browser.newContext({ locale: "fi-FI", timezoneId: VISITOR_ZONE, userAgent: VISITOR_AGENT });
  const shop = await visitorContext.newPage();
  const pageUrl = `${server.url}/?kampanja=kevat`;
  await shop.goto(pageUrl);
  const pageTitle = await shop.title();
  await openChat(shop);
  // The merchant tells us who this is before the first message (the contact is made by that message).
  const profiled = shop.waitForResponse((r) => new URL(r.url()).pathname === "/widget/v1/attributes" && r.ok());
  await shop.evaluate(() =>
    (window as unknown as { HummDesk: (...args: unknown[]) => void }).HummDesk("setAttributes", {
      name: "Liisa Laine",
      customAttributes: { asiakastaso: "Kulta", tilauksia: 7 },
    }),
  );
  await profiled;
  const sent = await sendFromWidget(shop, "Hei! Onko tätä porakonetta Vantaan myymälässä?");
  const conversationId = sent.conversation.id;

  await desk.getByTestId(`conversation-item-${conversationId}`).click();
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(conversationId));
  const details = desk.getByTestId("conversation-details");
  await expect(details.getByTestId("contact-name")).toHaveText("Liisa Laine");
  await expect(details.getByTestId("contact-attribute-asiakastaso")).toHaveText("Kulta");
  await expect(details.getByTestId("contact-attribute-tilauksia")).toHaveText("7");
  await expect(details.getByTestId("visitor-page-title")).toHaveText(pageTitle);
  const link = details.getByTestId("visitor-page-url");
  await expect(link).toHaveAttribute("href", pageUrl);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(details.getByTestId("visitor-browser")).toHaveText("Edge 126 on Windows");
  await expect(details.getByTestId("visitor-locale")).toHaveText("Finnish (Finland) fi-FI");
  const clock = details.getByTestId("visitor-local-time");
  await expect(clock).toContainText(`${VISITOR_ZONE}, UTC+9`);
  const shown = (await clock.locator(".visitor-clock").textContent()) ?? "";
  expect(visitorClockCandidates(), `the desk shows ${shown}`).toContain(shown);
  await expect(details.getByTestId("csat")).toHaveAttribute("data-rated", "false");
  await expect(details.getByTestId("other-conversations")).toHaveAttribute("data-state", "none");

  // The AI has had its turn (an answer or a hand-off, which reopens a conversation) before the agent resolves.
  await expect(desk.locator('[data-sender-type="ai"], [data-sender-type="system"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(details.getByTestId("ai-classification")).not.toHaveAttribute("data-state", "pending");
  // Resolved; the agent widens the list to every status so the row stays in view.
  await desk.getByTestId("resolve-button").click();
  await expect(desk.getByTestId("conversation-status")).toHaveText(/resolved/i);
  await desk.getByTestId("filter-status").selectOption("all");
  await expect(desk.getByTestId(`conversation-item-${conversationId}`)).toBeVisible();
  await expect(desk.getByTestId(`item-rating-${conversationId}`)).toHaveCount(0);

  // The visitor rates 4 with a comment in the widget; the desk shows it without a reload.
  await expect(shop.getByTestId("hummdesk-rating")).toBeVisible({ timeout: 15_000 });
  await shop.getByTestId("hummdesk-rate-4").click();
  await shop.getByTestId("hummdesk-rating-comment").fill("Nopea ja ystävällinen apu");
  await shop.getByTestId("hummdesk-rating-send").click();
  await expect(shop.getByTestId("hummdesk-rated")).toBeVisible();
  await expect(details.getByTestId("csat-score")).toHaveText("Rated 4/5");
  await expect(details.getByTestId("csat-comment")).toHaveText("Nopea ja ystävällinen apu");
  await expect(desk.getByTestId(`item-rating-${conversationId}`)).toContainText("4/5");

  await axeFindsNothingSerious(desk, "desk with details at 1280 px");
  await attachScreenshot(desk, testInfo, "desk-details-1280.png");

  // The visitor comes back: the new conversation lists the rated one, which opens in the desk.
  const again = await sendFromWidget(shop, "Vielä yksi kysymys: saako porakoneen vuokrata?");
  expect(again.conversation.id).not.toBe(conversationId);
  await desk.getByTestId(`conversation-item-${again.conversation.id}`).click();
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(again.conversation.id));
  const earlier = details.getByTestId(`other-conversation-${conversationId}`);
  await expect(earlier).toContainText("Resolved");
  await expect(earlier).toContainText("4/5");
  await expect(earlier).toContainText("porakonetta Vantaan");
  await earlier.click();
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(conversationId));
  await expect(details.getByTestId("csat-score")).toHaveText("Rated 4/5");
  await expect(details.getByTestId(`other-conversation-${again.conversation.id}`)).toBeVisible();

  // A phone: the details fold behind their toggle and open over the thread.
  await desk.setViewportSize({ width: 390, height: 844 });
  await expect(details).toBeHidden();
  await desk.getByTestId("details-toggle").click();
  await expect(details.getByTestId("csat-comment")).toBeVisible();
  await expect(details.getByTestId("visitor-page-url")).toBeVisible();
  const box = await details.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await axeFindsNothingSerious(desk, "desk with details at 390 px");
  await attachScreenshot(desk, testInfo, "desk-details-390.png");

  await agentContext.close();
  await visitorContext.close();
});
