/** The widget for keyboard and screen-reader users: no serious axe-core finding in the open panel
 * (light and dark), the dialog reached and left by keyboard, new messages announced. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { agentReply, configureInbox, hostPage, inboxSettings, krauta, openChat, sendFromWidget, snippetWith, widget } from "./widget-helpers.ts";

// These merchant pages are set with setContent over the server's /health document, whose API CSP
// (script-src 'self', no inline) would refuse their inline snippet; the real pages' CSP is
// checked by static-routes.db.test.ts and by demo.spec.ts on the storefront.
test.use({ bypassCSP: true });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("hummdesk-widget").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const theme of [
  { name: "light", darkMode: false, panelBackground: "rgb(255, 255, 255)" },
  { name: "dark", darkMode: true, panelBackground: "rgb(22, 24, 29)" },
]) {
  test(`axe-core finds nothing serious in the open panel, ${theme.name}: empty, then with visitor, AI and agent messages`, async ({ page, server }) => {
    const k = await krauta(server);
    const original = await inboxSettings(k);
    await configureInbox(k, { aiMode: "auto_reply" });
    try {
      await hostPage(page, server, `<!doctype html><html lang="fi"><head><title>Kauppa</title></head><body><main><h1>Kauppa</h1></main>${await snippetWith(k, { darkMode: theme.darkMode })}</body></html>`);
      await openChat(page);
      const w = widget(page);
      await expect(w.panel).toHaveCSS("background-color", theme.panelBackground);
      await expect(page.getByTestId("hummdesk-greeting")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const { conversation } = await sendFromWidget(page, "Hei! Miten palautus toimii?");
      await expect(w.from("ai").locator("ul a").first()).toBeVisible({ timeout: 30_000 });
      await agentReply(k, conversation.id, "Hei, Aino tässä. Palautus onnistuu myös myymälään: https://www.k-rauta.example/myymalat");
      await expect(w.from("agent")).toHaveCount(1);
      await expect(page.getByTestId("hummdesk-handoff")).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await configureInbox(k, { aiMode: original.aiMode });
    }
  });
}

test("keyboard: Tab reaches the launcher, Enter opens the dialog with focus inside, Esc closes it and focus returns; new messages are announced", async ({
  page,
  server,
}) => {
  const k = await krauta(server);
  const original = await inboxSettings(k);
  await configureInbox(k, { aiMode: "off" });
  try {
    await page.goto(server.url);
    const w = widget(page);
    await expect(w.launcher).toBeVisible();
    const launcherFocused = () =>
      page.evaluate(() => {
        const host = document.querySelector("hummdesk-widget");
        return document.activeElement === host && host?.shadowRoot?.activeElement?.getAttribute("data-testid") === "hummdesk-launcher";
      });
    let presses = 0;
    while (!(await launcherFocused())) {
      expect(++presses, "Tab reaches the launcher").toBeLessThan(80);
      await page.keyboard.press("Tab");
    }
    await expect(w.launcher).toBeFocused();
    await expect(w.launcher).toHaveAttribute("aria-expanded", "false");

    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName(/K-Rauta/);
    await expect(w.input).toBeFocused();
    await expect(w.launcher).toHaveAttribute("aria-expanded", "true");

    // Written and sent without the mouse.
    await page.keyboard.type("Onko myymälässä pysäköintiä?");
    const sent = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/widget/v1/messages" && r.ok());
    await page.keyboard.press("Enter");
    const { conversation } = (await (await sent).json()) as { conversation: { id: number } };
    await expect(w.from("contact")).toHaveAttribute("data-delivery", "sent");

    await agentReply(k, conversation.id, "Kyllä, pysäköintiä on 200 autolle.");
    await expect(w.announcer).toHaveText(/^Aino[^:]*: Kyllä, pysäköintiä on 200 autolle\.$/);
    await expect(w.announcer).toHaveAttribute("aria-live", "polite");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(w.launcher).toBeFocused();
    await expect(w.launcher).toHaveAttribute("aria-expanded", "false");

    // With the panel closed, a reply is still announced, and counted on the launcher.
    await agentReply(k, conversation.id, "Latauspisteitäkin on neljä.");
    await expect(w.announcer).toHaveText(/: Latauspisteitäkin on neljä\.$/);
    await expect(page.getByTestId("hummdesk-unread")).toHaveText("1");
    await expect(w.launcher).toHaveAccessibleName(/1/);

    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(w.input).toBeFocused();
    await expect(page.getByTestId("hummdesk-unread")).toHaveCount(0);
  } finally {
    await configureInbox(k, { aiMode: original.aiMode });
  }
});
