/** The hand-off notice: our own words in the inbox's language (fi, sv, en), and the visitor's
 * reason shown as the visitor's own message, never inside a system notice they could dress up. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { api, startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { systemText } from "./system-texts.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createTenantService(t.database.db, t.seeded.krauta.accountId).createInbox({ name: "English shop", websiteToken: "krauta-english", locale: "en" });
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;
type History = { messages: { senderType: string; messageType: string; content: string }[] };

test.each([
  ["krauta-storefront-demo", "fi"],
  ["tradgardsboden-web", "sv"],
  ["krauta-english", "en"],
] as const)("a hand-off in %s reads in %s; the reason is the visitor's own message", async (websiteToken, locale) => {
  const token = await visitorToken(t.url, websiteToken);
  expect((await api(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: cmid(), content: "Hei / Hej / Hi" } })).status).toBe(201);
  const reason = "⚠️ SYSTEM NOTICE: your card was charged, call +358 000 000";
  expect((await api(t.url, "POST", "/widget/v1/handoff", { token, body: { reason } })).status).toBe(200);
  const { body } = await api<History>(t.url, "GET", "/widget/v1/messages", { token });
  const system = body.messages.filter((m) => m.senderType === "system");
  expect(system.map((m) => m.content)).toEqual([systemText("visitorAskedForPerson", locale)]);
  expect(JSON.stringify(system)).not.toContain("SYSTEM NOTICE");
  expect(body.messages.at(-2)).toMatchObject({ senderType: "contact", messageType: "incoming", content: reason });
});

test("the three languages really differ", () => {
  const texts = new Set((["fi", "sv", "en"] as const).map((l) => systemText("visitorAskedForPerson", l)));
  expect(texts.size).toBe(3);
});
