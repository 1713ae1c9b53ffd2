/** The visitor's side of satisfaction ratings and page context, and the titles of earlier conversations, on a real server. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { api, startTestApp, type TestApp, visitorToken } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;
const context = {
  pageUrl: "https://shop.example/terassi?sku=1",
  pageTitle: "Terassilaudat",
  referrer: "https://search.example/",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140",
  timezone: "Europe/Helsinki",
  localTime: "2026-12-01T10:00:00+02:00",
  locale: "fi-FI",
};

async function startConversation(token: string, content: string) {
  const sent = await api<{ conversation: { id: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: cmid(), content, context },
  });
  expect(sent.status).toBe(201);
  return sent.body.conversation.id;
}

const rate = (token: string, id: number, body: unknown) =>
  api<{ conversation: { id: number; csatScore: number | null }; error?: { code: string } }>(t.url, "POST", `/widget/v1/conversations/${id}/rating`, { token, body });

test("the first message stores the visitor's page context on the conversation", async () => {
  const token = await visitorToken(t.url);
  const id = await startConversation(token, "Onko terassilautoja?");
  const conversation = await createTenantService(t.database.db, t.seeded.krauta.accountId).getConversation(id);
  expect(conversation?.visitorContext).toEqual(context);
  const tooLong = await api(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: cmid(), content: "x", context: { pageUrl: "x".repeat(3000) } } });
  expect(tooLong.status).toBe(400);
});

test("a resolved conversation can be rated 1–5 with a comment, by its own visitor only; the agents see it", async () => {
  const token = await visitorToken(t.url);
  const id = await startConversation(token, "Toimitus myöhässä");
  expect((await rate(token, id, { score: 5 })).body.error?.code).toBe("not_resolved");
  const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
  await tenant.updateConversation(id, { status: "resolved" });

  for (const bad of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: "5" }, { score: 3, comment: "x".repeat(1001) }]) {
    expect((await rate(token, id, bad)).status).toBe(400);
  }
  expect((await rate(await visitorToken(t.url), id, { score: 1 })).status).toBe(404);
  expect((await rate(token, 999_999, { score: 1 })).status).toBe(404);

  const rated = await rate(token, id, { score: 4, comment: "  Nopea apu  " });
  expect(rated.status).toBe(200);
  expect(rated.body.conversation).toMatchObject({ id, csatScore: 4 });
  expect(await tenant.getConversation(id)).toMatchObject({ csatScore: 4, csatComment: "Nopea apu" });
});

test("earlier conversations carry their first visitor message as a title, and their rating", async () => {
  const token = await visitorToken(t.url);
  const first = await startConversation(token, `Ensimmäinen kysymys ${"pitkä ".repeat(30)}`);
  const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
  await tenant.updateConversation(first, { status: "resolved" });
  await rate(token, first, { score: 2 });
  const second = await startConversation(token, "Toinen kysymys");
  const history = await api<{ conversation: { id: number; title: string }; previousConversations: { id: number; title: string; csatScore: number | null }[] }>(
    t.url,
    "GET",
    "/widget/v1/messages",
    { token },
  );
  expect(history.body.conversation).toMatchObject({ id: second, title: "Toinen kysymys" });
  const [earlier] = history.body.previousConversations;
  expect(earlier).toMatchObject({ id: first, csatScore: 2 });
  expect(earlier?.title).toMatch(/^Ensimmäinen kysymys pitkä .*…$/);
  expect(earlier?.title.length).toBe(80);
});
