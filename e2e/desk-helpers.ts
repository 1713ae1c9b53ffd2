/** The agent desk as the specs meet it: signed in in a browser context of its own, a conversation opened. */
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures.ts";
import { AGENT } from "./widget-helpers.ts";

export async function signIn(page: Page, email: string, password: string) {
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

export async function openDesk(browser: Browser, url: string, who: { email: string; password: string } = AGENT) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desk = await context.newPage();
  await desk.goto(`${url}/desk`);
  await signIn(desk, who.email, who.password);
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  return { context, desk };
}

export async function openConversation(desk: Page, conversationId: number) {
  const item = desk.getByTestId(`conversation-item-${conversationId}`);
  await expect(item).toBeVisible({ timeout: 20_000 });
  await item.click();
  await expect(desk.getByTestId("conversation-view")).toHaveAttribute("data-conversation-id", String(conversationId));
}
