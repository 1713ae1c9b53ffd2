/** Agents and availability, teams, knowledge-base articles, routing settings and the audit log,
 * through the real server. */
import type { Agent, AuditLog, Conversation, KnowledgeBaseArticle, Team, TeamAvailability } from "@hummdesk/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { expectOnlyError, type SignedIn, signIn, visitorWrites } from "./agent-test-kit.ts";

let testApp: TestApp;
let who: SignedIn;

beforeAll(async () => {
  // No AI workers: routing happens only where a test asks for it.
  testApp = await startTestApp({ ai: { workers: 0 } });
  who = await signIn(testApp);
});
afterAll(async () => {
  await testApp.close();
});

const call = <T>(method: string, path: string, token: string, body?: unknown) => api<T>(testApp.url, method, `${who.base}${path}`, { token, ...(body !== undefined ? { body } : {}) });
const auditLog = async (limit = 100) => (await call<{ entries: AuditLog[]; nextCursor: number | null }>("GET", `/audit-logs?limit=${limit}`, who.supervisor.token)).body;
const latest = async (action: string) => (await auditLog()).entries.find((e) => e.action === action);

describe("agents and availability", () => {
  test("list: every member with role, availability and load, and each team's availability", async () => {
    const { status, body } = await call<{ agents: Agent[]; teams: TeamAvailability[] }>("GET", "/agents", who.agent.token);
    expect(status).toBe(200);
    expect(body.agents.map((a) => [a.name, a.role, a.availability])).toEqual([
      ["Aino Virtanen", "agent", "online"],
      ["Kaisa Rautio", "administrator", "online"],
      ["Mikko Korhonen", "agent", "online"],
      ["Sanna Nieminen", "agent", "offline"],
      ["Sari Supervisor", "supervisor", "online"],
    ]);
    expect(body.teams.find((t) => t.teamName === "Palautukset")).toMatchObject({ onlineAgents: 2, totalAgents: 2, capacity: 10 });
  });

  test("an agent sets their own availability; the change is audited", async () => {
    const { status, body } = await call<{ agent: Agent }>("PUT", "/agents/me/availability", who.colleague.token, { availability: "busy" });
    expect(status).toBe(200);
    expect(body.agent).toMatchObject({ userId: who.colleague.userId, availability: "busy" });
    expect(body.agent.lastSeenAt).not.toBeNull();
    expect(await latest("agent.availability")).toMatchObject({
      actorId: who.colleague.userId,
      entityId: String(who.colleague.userId),
      before: { availability: "online" },
      after: { availability: "busy" },
    });
    await call("PUT", "/agents/me/availability", who.colleague.token, { availability: "online" });
  });

  test("coming online hands a waiting conversation to the agent (the availability hook reaches routing)", async () => {
    await call("PUT", "/agents/me/availability", who.agent.token, { availability: "offline" });
    await call("PUT", "/agents/me/availability", who.colleague.token, { availability: "offline" });
    const { conversationId } = await visitorWrites(testApp.url, "Onko kukaan paikalla?");
    const before = await call<{ conversation: Conversation }>("GET", `/conversations/${conversationId}`, who.admin.token);
    expect(before.body.conversation.assigneeId).toBeNull();
    await call("PUT", "/agents/me/availability", who.agent.token, { availability: "online" });
    const after = await call<{ conversation: Conversation }>("GET", `/conversations/${conversationId}`, who.admin.token);
    expect(after.body.conversation.assigneeId).toBe(who.agent.userId);
    await call("PUT", "/agents/me/availability", who.colleague.token, { availability: "online" });
  });
});

describe("teams", () => {
  test("create: 201 with a slug; the same name again -> 409", async () => {
    const { status, body } = await call<{ team: Team }>("POST", "/teams", who.admin.token, { name: "Piha ja puutarha", categories: ["product_question"] });
    expect(status).toBe(201);
    expect(body.team).toMatchObject({ name: "Piha ja puutarha", slug: "piha-ja-puutarha", categories: ["product_question"], description: "" });
    expect(await latest("team.create")).toMatchObject({ actorId: who.admin.userId, entityId: String(body.team.id) });
    const again = await call("POST", "/teams", who.admin.token, { name: "Piha ja puutarha" });
    expect(again.status).toBe(409);
    expectOnlyError(again.body, "conflict");
    const teams = await call<{ teams: Team[] }>("GET", "/teams", who.agent.token);
    expect(teams.body.teams.filter((t) => t.slug === "piha-ja-puutarha")).toHaveLength(1);
  });

  test("add a member (204, once); a user of another account -> 400", async () => {
    const { body } = await call<{ team: Team }>("POST", "/teams", who.admin.token, { name: "Sisustus" });
    const path = `/teams/${body.team.id}/members`;
    const added = await call("POST", path, who.admin.token, { userId: who.agent.userId });
    expect(added.status).toBe(204);
    expect(added.body).toBeNull();
    expect((await call("POST", path, who.admin.token, { userId: who.agent.userId })).status).toBe(204);
    const teams = await call<{ teams: TeamAvailability[] }>("GET", "/agents", who.agent.token);
    expect(teams.body.teams.find((t) => t.teamId === body.team.id)).toMatchObject({ totalAgents: 1 });
    expect((await auditLog()).entries.filter((e) => e.action === "team.member_add" && e.entityId === String(body.team.id))).toHaveLength(1);
    const stranger = await call("POST", path, who.admin.token, { userId: who.stranger.userId });
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(stranger.body)).toContain(`user ${who.stranger.userId} is not a member of this account`);
  });
});

describe("knowledge base", () => {
  let article: KnowledgeBaseArticle;
  beforeAll(async () => {
    const created = await call<{ article: KnowledgeBaseArticle }>("POST", "/articles", who.supervisor.token, {
      title: "Lahjakortit",
      body: "Lahjakortti on voimassa vuoden ostopäivästä.",
      language: "fi",
      category: "billing_payment",
      url: "https://www.k-rauta.example/lahjakortit",
    });
    expect(created.status).toBe(201);
    article = created.body.article;
  });

  test("create (supervisor): 201, listed for every agent, audited", async () => {
    expect(article).toMatchObject({ title: "Lahjakortit", language: "fi", category: "billing_payment", published: true });
    const { body } = await call<{ articles: KnowledgeBaseArticle[] }>("GET", "/articles", who.agent.token);
    expect(body.articles.map((a) => a.id)).toContain(article.id);
    expect(await latest("article.create")).toMatchObject({ actorId: who.supervisor.userId, entityId: String(article.id) });
  });

  test("update changes only the fields named", async () => {
    const { status, body } = await call<{ article: KnowledgeBaseArticle }>("PATCH", `/articles/${article.id}`, who.admin.token, { published: false });
    expect(status).toBe(200);
    expect(body.article).toMatchObject({ published: false, category: "billing_payment", url: "https://www.k-rauta.example/lahjakortit", title: "Lahjakortit" });
    expect(await latest("article.update")).toMatchObject({ before: { published: true }, after: { published: false } });
  });

  test("example questions: created trimmed, returned, replaced by a PATCH, and kept by a PATCH that does not name them", async () => {
    const created = await call<{ article: KnowledgeBaseArticle }>("POST", "/articles", who.supervisor.token, {
      title: "Saunan kiukaat",
      body: "Kiukaan koko valitaan saunan tilavuuden mukaan.",
      language: "fi",
      questions: ["  Minkä kokoinen kiuas saunaani?  ", "Toimitatteko kiukaan kotiin?"],
    });
    expect(created.status).toBe(201);
    expect(created.body.article.questions).toEqual(["Minkä kokoinen kiuas saunaani?", "Toimitatteko kiukaan kotiin?"]);
    const id = created.body.article.id;
    const listed = await call<{ articles: KnowledgeBaseArticle[] }>("GET", "/articles", who.agent.token);
    expect(listed.body.articles.find((a) => a.id === id)?.questions).toEqual(["Minkä kokoinen kiuas saunaani?", "Toimitatteko kiukaan kotiin?"]);
    const replaced = await call<{ article: KnowledgeBaseArticle }>("PATCH", `/articles/${id}`, who.supervisor.token, { questions: ["Paljonko kiuas maksaa?"] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.article.questions).toEqual(["Paljonko kiuas maksaa?"]);
    expect(await latest("article.update")).toMatchObject({ before: { questions: ["Minkä kokoinen kiuas saunaani?", "Toimitatteko kiukaan kotiin?"] }, after: { questions: ["Paljonko kiuas maksaa?"] } });
    const retitled = await call<{ article: KnowledgeBaseArticle }>("PATCH", `/articles/${id}`, who.supervisor.token, { title: "Kiukaat" });
    expect(retitled.body.article.questions).toEqual(["Paljonko kiuas maksaa?"]);
    const plain = await call<{ article: KnowledgeBaseArticle }>("POST", "/articles", who.supervisor.token, { title: "Ilman kysymyksiä", body: "Teksti.", language: "fi" });
    expect(plain.body.article.questions).toEqual([]);
  });

  test.each([
    ["more than 20 questions", { questions: Array.from({ length: 21 }, (_, i) => `Kysymys ${i}?`) }],
    ["an empty question", { questions: ["Hyvä kysymys?", "   "] }],
    ["a question over 300 characters", { questions: ["k".repeat(301)] }],
    ["a NUL character", { questions: ["Kysymys\u0000?"] }],
    ["questions that are not a list", { questions: "Miten palautan?" }],
    ["a question that is not text", { questions: [42] }],
  ])("example questions: %s is refused with 400 on create and update", async (_name, fields) => {
    const created = await call("POST", "/articles", who.supervisor.token, { title: "Virheellinen", body: "Teksti.", language: "fi", ...fields });
    expect(created.status).toBe(400);
    expectOnlyError(created.body);
    const updated = await call("PATCH", `/articles/${article.id}`, who.supervisor.token, fields);
    expect(updated.status).toBe(400);
    expectOnlyError(updated.body);
  });

  test("delete: 204, then it is gone (404)", async () => {
    const { body } = await call<{ article: KnowledgeBaseArticle }>("POST", "/articles", who.supervisor.token, { title: "Poistettava", body: "Väliaikainen.", language: "fi" });
    const deleted = await call("DELETE", `/articles/${body.article.id}`, who.supervisor.token);
    expect(deleted.status).toBe(204);
    const again = await call("DELETE", `/articles/${body.article.id}`, who.supervisor.token);
    expect(again.status).toBe(404);
    expectOnlyError(again.body, "not_found");
    expect((await call("PATCH", `/articles/${body.article.id}`, who.supervisor.token, { title: "X" })).status).toBe(404);
    expect(await latest("article.delete")).toMatchObject({ entityId: String(body.article.id), before: { title: "Poistettava" }, after: null });
  });
});

describe("routing settings", () => {
  test("empty at first; an administrator maps categories to teams; everyone reads it", async () => {
    expect((await call("GET", "/settings/routing", who.agent.token)).body).toEqual({ categoryTeams: {} });
    const mapping = { delivery: testApp.seeded.krauta.teamIds["palautukset"]!, complaint: testApp.seeded.krauta.teamIds["asiakaspalvelu"]! };
    const put = await call("PUT", "/settings/routing", who.admin.token, { categoryTeams: mapping });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ categoryTeams: mapping });
    expect((await call("GET", "/settings/routing", who.agent.token)).body).toEqual({ categoryTeams: mapping });
    expect(await latest("settings.routing")).toMatchObject({ before: { categoryTeams: {} }, after: { categoryTeams: mapping } });
    // A PUT replaces the mapping.
    await call("PUT", "/settings/routing", who.admin.token, { categoryTeams: { other: mapping.complaint } });
    expect((await call("GET", "/settings/routing", who.agent.token)).body).toEqual({ categoryTeams: { other: mapping.complaint } });
  });

  test("a team that does not exist in the account -> 400, and the mapping stays", async () => {
    const before = (await call("GET", "/settings/routing", who.agent.token)).body;
    const response = await call("PUT", "/settings/routing", who.admin.token, { categoryTeams: { delivery: testApp.seeded.neighbour.teamId } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(`categoryTeams.delivery: team ${testApp.seeded.neighbour.teamId} does not exist`);
    expect((await call("GET", "/settings/routing", who.agent.token)).body).toEqual(before);
  });
});

describe("audit log", () => {
  test("newest first, paged by cursor without gaps or repeats, only this account's entries", async () => {
    const all = (await auditLog(100)).entries;
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((e) => e.accountId === who.krauta)).toBe(true);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const paged: number[] = [];
    let cursor: number | null = null;
    do {
      const page: { body: { entries: AuditLog[]; nextCursor: number | null } } = await call("GET", `/audit-logs?limit=2${cursor ? `&cursor=${cursor}` : ""}`, who.admin.token);
      paged.push(...page.body.entries.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all.map((e) => e.id));
  });
});
