/** Checks the browser specs share: axe finds nothing serious or critical, and a screenshot
 * attached to the test report. */
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect } from "./fixtures.ts";

export async function axeFindsNothingSerious(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: options.fullPage ?? true }), contentType: "image/png" });
}
