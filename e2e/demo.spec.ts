/** The demo as merchants and agents meet it: a visitor on the storefront and an agent on the desk
 * in two browser contexts; the configurator's live preview, save and validation; screenshots and
 * axe-core checks of every page at desktop and phone widths. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { agentApi, expect, KRAUTA, login, test } from "./fixtures.ts";

async function krautaInbox(url: string) {
  const admin = await login(url, KRAUTA.admin.email, KRAUTA.admin.password);
  const accountId = admin.accounts[0]!.id;
  const { inboxes } = await agentApi<{ inboxes: { id: number; websiteToken: string; color: string; greeting: Record<string, string> }[] }>(
    url,
    admin.accessToken,
    "GET",
    `/api/v1/accounts/${accountId}/inboxes`,
  );
  const inbox = inboxes.find((i) => i.websiteToken === KRAUTA.websiteToken)!;
  return { admin, accountId, inbox };
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
}

test("a Finnish visitor asks about returns; the agent sees it classified and routed with the AI draft streaming, edits and sends it; the visitor sees the reply live", async ({
  browser,
  server,
}) => {
  const { admin, accountId, inbox } = await krautaInbox(server.url);
  // In a suggest inbox the AI drafts for the agent instead of answering the visitor itself.
  await agentApi(server.url, admin.accessToken, "PATCH", `/api/v1/accounts/${accountId}/inboxes/${inbox.id}`, { aiMode: "suggest" });

  const agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const desk = await agentContext.newPage();
  await desk.goto(`${server.url}/desk`);
  await signIn(desk, "aino@k-rauta.example", KRAUTA.agentPassword);
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");

  const visitorContext = await browser.newContext({ locale: "fi-FI" });
  const shop = await visitorContext.newPage();
  await shop.goto(server.url);
  await shop.getByTestId("hummdesk-launcher").click();
  await shop.getByTestId("hummdesk-input").fill("Hei! Haluaisin palauttaa ostamani porakoneen. Miten palautus toimii?");
  await shop.getByTestId("hummdesk-send").click();
  await expect(shop.locator('[data-sender="contact"]').last()).toContainText("palauttaa ostamani porakoneen");

  const item = desk.locator('[data-testid^="conversation-item-"]').filter({ hasText: "porakoneen" }).first();
  await expect(item).toBeVisible({ timeout: 20_000 });
  await item.click();
  await expect(desk.getByTestId("classification-language")).toContainText(/fi|suomi|Finnish/i, { timeout: 20_000 });
  await expect(desk.getByTestId("classification-category")).toContainText(/return/i);
  await expect(desk.getByTestId("assign-team")).toContainText(/Palautukset/);
  // The draft streams: text shows up before it is complete, then it is ready.
  const draft = desk.getByTestId("ai-draft");
  await expect(desk.getByTestId("ai-draft-text")).not.toBeEmpty({ timeout: 20_000 });
  await expect(draft).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(desk.getByTestId("draft-citations")).toBeVisible();

  await desk.getByTestId("draft-edit").click();
  const edited = "Hei! Palautus onnistuu 30 päivän sisällä kuitilla – terveisin Aino.";
  await desk.getByTestId("draft-edit-text").fill(edited);
  await desk.getByTestId("draft-send-edited").click();

  await expect(shop.locator('[data-sender="agent"]').filter({ hasText: "terveisin Aino" })).toBeVisible({ timeout: 15_000 });
  await agentApi(server.url, admin.accessToken, "PATCH", `/api/v1/accounts/${accountId}/inboxes/${inbox.id}`, { aiMode: "auto_reply" });
  await agentContext.close();
  await visitorContext.close();
});

test("the configurator: colour and greeting change the preview at once; save shows them on the storefront; bad values show an error and save nothing", async ({
  page,
  server,
}) => {
  const { admin, accountId, inbox } = await krautaInbox(server.url);
  await page.goto(`${server.url}/configure`);
  await signIn(page, KRAUTA.admin.email, KRAUTA.admin.password);
  await expect(page.getByTestId("inbox-form")).toBeVisible();

  await page.getByTestId("inbox-color").fill("#0b6e4f");
  await page.getByTestId("greeting-fi").fill("Tervetuloa K-Raudan testikauppaan!");
  const preview = page.frameLocator('[data-testid="preview-frame"]');
  const previewLauncher = preview.getByTestId("hummdesk-launcher");
  await expect(previewLauncher).toHaveCSS("background-color", "rgb(11, 110, 79)", { timeout: 10_000 });

  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-status")).toContainText(/saved|tallennettu/i);
  const shop = await page.context().newPage();
  await shop.goto(server.url);
  await expect(shop.getByTestId("hummdesk-launcher")).toHaveCSS("background-color", "rgb(11, 110, 79)");
  await shop.getByTestId("hummdesk-launcher").click();
  await expect(shop.getByTestId("hummdesk-panel")).toContainText(/Tervetuloa K-Raudan testikauppaan!|How can we help|Hur kan vi/);

  // Invalid colour and an origin without a scheme: clear errors, nothing saved.
  await page.getByTestId("inbox-color").fill("red");
  await page.getByTestId("origin-add").click();
  await page.getByTestId("origin-input-0").fill("shop.k-rauta.example");
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("field-error-color")).toBeVisible();
  await expect(page.getByTestId("field-error-allowedOrigins-0")).toBeVisible();
  const after = await agentApi<{ inboxes: { id: number; color: string; allowedOrigins: string[] }[] }>(server.url, admin.accessToken, "GET", `/api/v1/accounts/${accountId}/inboxes`);
  const saved = after.inboxes.find((i) => i.id === inbox.id)!;
  expect(saved.color).toBe("#0b6e4f");
  expect(saved.allowedOrigins).toEqual([]);
  await agentApi(server.url, admin.accessToken, "PATCH", `/api/v1/accounts/${accountId}/inboxes/${inbox.id}`, { color: inbox.color, greeting: inbox.greeting });
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`storefront, configurator and desk at ${viewport.name} width: screenshots and no serious axe violations`, async ({ browser, server }, testInfo) => {
    // Three pages, each with a full-page screenshot and an axe run: more than one test's share of time.
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    const pages: { name: string; path: string; signIn?: { email: string; password: string }; ready: string }[] = [
      { name: "storefront", path: "/", ready: "product-grid" },
      { name: "configurator", path: "/configure", signIn: KRAUTA.admin, ready: "inbox-form" },
      { name: "desk", path: "/desk", signIn: { email: "aino@k-rauta.example", password: KRAUTA.agentPassword }, ready: "filter-status" },
    ];
    for (const p of pages) {
      await page.goto(`${server.url}${p.path}`);
      if (p.signIn) await signIn(page, p.signIn.email, p.signIn.password);
      await expect(page.getByTestId(p.ready)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`${p.name}-${viewport.name}.png`), fullPage: true });
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${p.name}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
    await context.close();
  });
}
