
import type { Browser, Page, } from "@playwright/test";
import { agentApi, expect, KRAUTA, test } from "./fixtures.ts";
import { attachScreenshot, axeFindsNothingSerious } from "./page-checks.ts";
import { AGENT, krauta } from "./widget-helpers.ts";

interface Article {
  id: number;
  title: string;
  questions: string[];
}

async function signIn(browser: Browser, url: string, email: string, password: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  const desk = await context.newPage();
  await desk.goto(`${url}/desk`);
  await desk.getByTestId("sign-in-email").fill(email);
  await desk.getByTestId("sign-in-password").fill(password);
  await desk.getByTestId("sign-in-submit").click();
  await expect(desk.getByTestId("connection-status")).toHaveAttribute("data-status", "live");
  return { context, desk };
}

const hashOf = (page: Page) => new URL(page.url()).hash;

test("an admin keeps the knowledge base and reads the audit log in the desk; an agent sees neither", async ({ browser, server }, testInfo) => {
  test.setTimeout(120_000);
  const k = await krauta(server);
  const articlesPath = `/api/v1/accounts/${k.accountId}/articles`;
  // An article to delete, edited often enough that the audit log has more than one page (50 rows).
  const { article: scratch } = await agentApi<{ article: Article }>(server.url, k.admin, "POST", articlesPath, {
    title: "Vanha kampanja-artikkeli",
    body: "Kampanja on päättynyt.",
    language: "fi",
  });
  for (let round = 1; round <= 50; round += 1) {
    await agentApi(server.url, k.admin, "PATCH", `${articlesPath}/${scratch.id}`, { body: `Kampanja on päättynyt (${round}).` });
  }

  const { context, desk } = await signIn(browser, server.url, KRAUTA.admin.email, KRAUTA.admin.password);
  const adminName = (await desk.getByTestId("user-name").textContent())?.trim() ?? "";
  await expect(desk.getByTestId("desk-sections")).toBeVisible();
  await expect(desk.getByTestId("desk-section-conversations")).toHaveAttribute("aria-current", "page");

  // --- the knowledge base: delete behind a confirmation -----------------------------------------
  await desk.getByTestId("desk-section-articles").click();
  await expect(desk.getByTestId("articles-view")).toBeVisible();
  expect(hashOf(desk)).toBe("#account=k-rauta&view=articles");
  await expect(desk.getByTestId("desk-section-articles")).toHaveAttribute("aria-current", "page");
  await desk.getByTestId(`article-item-${scratch.id}`).click();
  expect(hashOf(desk)).toBe(`#account=k-rauta&view=articles&article=${scratch.id}`);
  await expect(desk.getByTestId("article-title")).toHaveValue("Vanha kampanja-artikkeli");
  await desk.getByTestId("article-delete").click();
  await expect(desk.getByTestId("article-delete-dialog")).toBeVisible();
  await desk.getByTestId("article-delete-cancel").click();
  await expect(desk.getByTestId("article-delete-dialog")).toBeHidden();
  await expect(desk.getByTestId(`article-item-${scratch.id}`)).toBeVisible();
  await desk.getByTestId("article-delete").click();
  await desk.getByTestId("article-delete-confirm").click();
  await expect(desk.getByTestId("articles-notice")).toHaveText("“Vanha kampanja-artikkeli” was deleted.");
  await expect(desk.getByTestId(`article-item-${scratch.id}`)).toHaveCount(0);
  const afterDelete = await agentApi<{ articles: Article[] }>(server.url, k.admin, "GET", articlesPath);
  expect(afterDelete.articles.some((article) => article.id === scratch.id)).toBe(false);

  // --- a new article: the empty form names what is missing, then it is created ------------------
  await desk.getByTestId("article-new").click();
  expect(hashOf(desk)).toBe("#account=k-rauta&view=articles&article=new");
  await desk.getByTestId("article-save").click();
  await expect(desk.getByTestId("field-error-title")).toHaveText("Give the article a title; the AI matches visitors' messages against it.");
  await expect(desk.getByTestId("field-error-body")).toHaveText("Write the article's body: the text the AI answers from.");
  await expect(desk.getByTestId("article-title")).toBeFocused();
  await desk.getByTestId("article-title").fill("Porakoneen vuokraus");
  await desk.getByTestId("article-body").fill("Porakoneen voi vuokrata myymälän vuokrauspisteestä. Vuorokausivuokra on 25 euroa.");
  await desk.getByTestId("article-url").fill("k-rauta.fi/vuokraus");
  await desk.getByTestId("article-questions").fill("Voiko porakoneen vuokrata?\n\nPaljonko porakoneen vuokra maksaa?\n");
  await desk.getByTestId("article-category").selectOption("product_question");
  await desk.getByTestId("article-save").click();
  await expect(desk.getByTestId("field-error-url")).toContainText("starting with https:// or http://");
  await expect(desk.getByTestId("field-error-title")).toHaveCount(0);
  await desk.getByTestId("article-url").fill("https://www.k-rauta.fi/vuokraus");
  await desk.getByTestId("article-save").click();
  await expect(desk.getByTestId("article-status")).toHaveText("Saved. The AI answers from this version now.");
  await expect.poll(() => hashOf(desk)).toMatch(/^#account=k-rauta&view=articles&article=\d+$/);
  const articleId = Number(hashOf(desk).split("=").at(-1));
  await expect(desk.getByTestId(`article-item-${articleId}`)).toContainText("2 example questions");
  await expect(desk.getByTestId("article-questions")).toHaveValue("Voiko porakoneen vuokrata?\nPaljonko porakoneen vuokra maksaa?");

  // --- edit it: the list and the API show the new version at once --------------------------------
  await desk.getByTestId("article-title").fill("Porakoneen ja iskuporan vuokraus");
  await desk.getByTestId("article-questions").fill("Voiko porakoneen vuokrata?\nPaljonko porakoneen vuokra maksaa?\nVoiko iskuporan vuokrata viikonlopuksi?");
  await desk.getByTestId("article-save").click();
  await expect(desk.getByTestId("article-status")).toHaveText("Saved. The AI answers from this version now.");
  await expect(desk.getByTestId(`article-item-${articleId}`)).toContainText("Porakoneen ja iskuporan vuokraus");
  await expect(desk.getByTestId(`article-item-${articleId}`)).toContainText("3 example questions");
  const { articles } = await agentApi<{ articles: Article[] }>(server.url, k.admin, "GET", articlesPath);
  expect(articles.find((article) => article.id === articleId)).toMatchObject({
    title: "Porakoneen ja iskuporan vuokraus",
    questions: ["Voiko porakoneen vuokrata?", "Paljonko porakoneen vuokra maksaa?", "Voiko iskuporan vuokrata viikonlopuksi?"],
  });

  // Search by title keeps the article and hides the others.
  const rows = desk.getByTestId("article-list").locator("[data-testid^=article-item-]");
  expect(await rows.count()).toBeGreaterThan(1);
  await desk.getByTestId("article-search").fill("ISKUPORAN");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-testid", `article-item-${articleId}`);

  await axeFindsNothingSerious(desk, "knowledge base at 1280 px");
  await attachScreenshot(desk, testInfo, "desk-knowledge-base-1280.png");

  // --- the back button steps back through the pages ----------------------------------------------
  // A new article's id and a deletion replace the address: back never lands on "new" or a deleted article.
  await desk.goBack();
  await expect.poll(() => hashOf(desk)).toBe("#account=k-rauta&view=articles");
  await expect(desk.getByTestId("article-editor")).toHaveCount(0);
  await desk.goBack();
  await expect.poll(() => hashOf(desk)).toBe("#account=k-rauta&view=articles");
  await desk.goBack();
  await expect.poll(() => hashOf(desk)).toBe("#account=k-rauta");
  await expect(desk.getByRole("navigation", { name: "Conversation list" })).toBeVisible();
  await expect(desk.getByTestId("articles-view")).toHaveCount(0);
  await desk.goForward();
  await expect(desk.getByTestId("articles-view")).toBeVisible();

  // --- the audit log: the update, then the creation, at the top ----------------------------------
  await desk.getByTestId("desk-section-audit").click();
  expect(hashOf(desk)).toBe("#account=k-rauta&view=audit");
  const auditRows = desk.getByTestId("audit-row");
  await expect(auditRows.first()).toHaveAttribute("data-action", "article.update");
  await expect(auditRows.first()).toHaveAttribute("data-entity-id", String(articleId));
  await expect(auditRows.first()).toContainText(`${adminName} edited article ${articleId} “Porakoneen ja iskuporan vuokraus”`);
  await expect(auditRows.first()).toContainText("title: “Porakoneen vuokraus” → “Porakoneen ja iskuporan vuokraus”");
  await expect(auditRows.first()).toContainText("questions: 2 items → 3 items");
  // Only the changed fields were sent, so the body is no change.
  await expect(auditRows.first()).not.toContainText("body:");
  await expect(auditRows.nth(1)).toHaveAttribute("data-action", "article.create");
  await expect(auditRows.nth(1)).toContainText(`${adminName} created article ${articleId} “Porakoneen vuokraus”`);
  await expect(auditRows.nth(2)).toHaveAttribute("data-action", "article.delete");
  await expect(auditRows.nth(2)).toContainText(`deleted article ${scratch.id} “Vanha kampanja-artikkeli”`);
  await expect(auditRows).toHaveCount(50);
  await desk.getByTestId("audit-load-more").click();
  await expect.poll(() => auditRows.count()).toBeGreaterThan(50);
  // The next page continues the same history: still newest first, no row twice.
  const ids = await auditRows.evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-entry-id"))));
  expect(ids.every((id, index) => index === 0 || id < ids[index - 1]!)).toBe(true);
  await axeFindsNothingSerious(desk, "audit log at 1280 px");
  await attachScreenshot(desk, testInfo, "desk-audit-log-1280.png");

  // --- phones: both pages fit 390 px ---------------------------------------------------------------
  await desk.setViewportSize({ width: 390, height: 844 });
  await expect(auditRows.first()).toBeVisible();
  expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await axeFindsNothingSerious(desk, "audit log at 390 px");
  await attachScreenshot(desk, testInfo, "desk-audit-log-390.png");
  await desk.getByTestId("desk-section-articles").click();
  await desk.getByTestId(`article-item-${articleId}`).click();
  await expect(desk.getByTestId("article-title")).toHaveValue("Porakoneen ja iskuporan vuokraus");
  expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await axeFindsNothingSerious(desk, "knowledge base at 390 px");
  await attachScreenshot(desk, testInfo, "desk-knowledge-base-390.png");
  await context.close();

  // --- an agent: no page links, and a supervisor's address shows the conversations ---------------
  const agent = await signIn(browser, server.url, AGENT.email, AGENT.password);
  await expect(agent.desk.getByRole("navigation", { name: "Conversation list" })).toBeVisible();
  await expect(agent.desk.getByTestId("desk-sections")).toHaveCount(0);
  await expect(agent.desk.getByRole("link", { name: "Knowledge base" })).toHaveCount(0);
  await expect(agent.desk.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await agent.desk.goto(`${server.url}/desk#view=audit`);
  await expect(agent.desk.getByRole("navigation", { name: "Conversation list" })).toBeVisible();
  await expect(agent.desk.getByTestId("audit-log-view")).toHaveCount(0);
  await agent.desk.goto(`${server.url}/desk#view=articles&article=new`);
  await expect(agent.desk.getByRole("navigation", { name: "Conversation list" })).toBeVisible();
  await expect(agent.desk.getByTestId("articles-view")).toHaveCount(0);
  await agent.context.close();
});
