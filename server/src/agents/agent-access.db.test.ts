/** Every agent route, table-driven: 401 without a token, 404 (and no data) for another tenant's
 * account or ids, 403 below the route's role, 400 with the uniform body for a bad request. */
import type { Role } from "@hummdesk/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { expectOnlyError, type SignedIn, signIn, visitorWrites } from "./agent-test-kit.ts";

interface Ids {
  accountId: number;
  conversationId: number;
  draftId: number;
  inboxId: number;
  teamId: number;
  articleId: number;
}

interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (ids: Ids) => string;
  /** A valid body. */
  body?: unknown;
  role: Role;
  /** A request the schema refuses (null: the route takes no input but the account). */
  invalid: { path?: (ids: Ids) => string; body?: unknown } | null;
}

const account = (ids: Ids) => `/api/v1/accounts/${ids.accountId}`;
const conversation = (ids: Ids) => `${account(ids)}/conversations/${ids.conversationId}`;

const ROUTES: Record<string, RouteCase> = {
  "list conversations": {
    method: "GET",
    path: (ids) => `${account(ids)}/conversations?status=open`,
    role: "agent",
    invalid: { path: (ids) => `${account(ids)}/conversations?status=closed&limit=500` },
  },
  "read a conversation": { method: "GET", path: conversation, role: "agent", invalid: { path: (ids) => `${account(ids)}/conversations/abc` } },
  reply: { method: "POST", path: (ids) => `${conversation(ids)}/messages`, body: { content: "Hei!" }, role: "agent", invalid: { body: { content: "   " } } },
  assign: { method: "POST", path: (ids) => `${conversation(ids)}/assign`, body: { teamId: null }, role: "agent", invalid: { body: {} } },
  status: { method: "POST", path: (ids) => `${conversation(ids)}/status`, body: { status: "pending" }, role: "agent", invalid: { body: { status: "closed" } } },
  priority: { method: "POST", path: (ids) => `${conversation(ids)}/priority`, body: { priority: "high" }, role: "agent", invalid: { body: { priority: 3 } } },
  "mark read": { method: "POST", path: (ids) => `${conversation(ids)}/read`, role: "agent", invalid: { path: (ids) => `${account(ids)}/conversations/-1/read` } },
  "list drafts": { method: "GET", path: (ids) => `${conversation(ids)}/drafts`, role: "agent", invalid: { path: (ids) => `${account(ids)}/conversations/0/drafts` } },
  "accept a draft": { method: "POST", path: (ids) => `${account(ids)}/drafts/${ids.draftId}/accept`, role: "agent", invalid: { path: (ids) => `${account(ids)}/drafts/x/accept` } },
  "edit and send a draft": {
    method: "POST",
    path: (ids) => `${account(ids)}/drafts/${ids.draftId}/send`,
    body: { content: "Muokattu vastaus" },
    role: "agent",
    invalid: { body: { content: "" } },
  },
  "reject a draft": { method: "POST", path: (ids) => `${account(ids)}/drafts/${ids.draftId}/reject`, role: "agent", invalid: { path: (ids) => `${account(ids)}/drafts/1.5/reject` } },
  "list agents": { method: "GET", path: (ids) => `${account(ids)}/agents`, role: "agent", invalid: null },
  "set my availability": {
    method: "PUT",
    path: (ids) => `${account(ids)}/agents/me/availability`,
    body: { availability: "busy" },
    role: "agent",
    invalid: { body: { availability: "away" } },
  },
  "list inboxes": { method: "GET", path: (ids) => `${account(ids)}/inboxes`, role: "agent", invalid: null },
  "create an inbox": {
    method: "POST",
    path: (ids) => `${account(ids)}/inboxes`,
    body: { name: "Kampanja" },
    role: "administrator",
    invalid: { body: { name: "Kampanja", allowedOrigins: ["https://shop.example/path"] } },
  },
  "update an inbox": {
    method: "PATCH",
    path: (ids) => `${account(ids)}/inboxes/${ids.inboxId}`,
    body: { color: "#112233" },
    role: "administrator",
    invalid: { body: { color: "red" } },
  },
  "inbox snippet": { method: "GET", path: (ids) => `${account(ids)}/inboxes/${ids.inboxId}/snippet`, role: "agent", invalid: { path: (ids) => `${account(ids)}/inboxes/nope/snippet` } },
  "inbox secret": {
    method: "GET",
    path: (ids) => `${account(ids)}/inboxes/${ids.inboxId}/secret`,
    role: "administrator",
    invalid: { path: (ids) => `${account(ids)}/inboxes/0/secret` },
  },
  "list teams": { method: "GET", path: (ids) => `${account(ids)}/teams`, role: "agent", invalid: null },
  "create a team": { method: "POST", path: (ids) => `${account(ids)}/teams`, body: { name: "Piha" }, role: "administrator", invalid: { body: { name: "Piha", categories: ["gardening"] } } },
  "add a team member": {
    method: "POST",
    path: (ids) => `${account(ids)}/teams/${ids.teamId}/members`,
    body: { userId: 1 },
    role: "administrator",
    invalid: { body: { userId: "aino" } },
  },
  "list articles": { method: "GET", path: (ids) => `${account(ids)}/articles`, role: "agent", invalid: null },
  "create an article": {
    method: "POST",
    path: (ids) => `${account(ids)}/articles`,
    body: { title: "Lahjakortit", body: "Lahjakortti on voimassa vuoden.", language: "fi" },
    role: "supervisor",
    invalid: { body: { title: "Lahjakortit", body: "Lahjakortti on voimassa vuoden.", language: "de" } },
  },
  "update an article": {
    method: "PATCH",
    path: (ids) => `${account(ids)}/articles/${ids.articleId}`,
    body: { published: false },
    role: "supervisor",
    invalid: { body: { url: "not a url" } },
  },
  "delete an article": { method: "DELETE", path: (ids) => `${account(ids)}/articles/${ids.articleId}`, role: "supervisor", invalid: { path: (ids) => `${account(ids)}/articles/abc` } },
  "audit log": { method: "GET", path: (ids) => `${account(ids)}/audit-logs`, role: "supervisor", invalid: { path: (ids) => `${account(ids)}/audit-logs?limit=0` } },
  "routing settings": { method: "GET", path: (ids) => `${account(ids)}/settings/routing`, role: "agent", invalid: null },
  "change routing settings": {
    method: "PUT",
    path: (ids) => `${account(ids)}/settings/routing`,
    body: { categoryTeams: { delivery: 1 } },
    role: "administrator",
    invalid: { body: { categoryTeams: { gardening: 1 } } },
  },
};

const cases = Object.entries(ROUTES).map(([name, route]) => ({ name, ...route }));

let testApp: TestApp;
let who: SignedIn;
let krauta: Ids;
let neighbour: Ids;

async function draftOf(testApp: TestApp, accountId: number, conversationId: number, messageId: number): Promise<number> {
  const { draft } = await createTenantService(testApp.database.db, accountId).saveAIDraft({
    conversationId,
    messageId,
    content: "Tilauksesi on matkalla.",
    status: "ready",
    model: "test",
  });
  return draft.id;
}

beforeAll(async () => {
  testApp = await startTestApp({ ai: { workers: 0 } });
  who = await signIn(testApp);
  const { seeded } = testApp;
  const visitor = await visitorWrites(testApp.url, "Missä tilaukseni on?");
  const krautaTenant = createTenantService(testApp.database.db, who.krauta);
  const neighbourTenant = createTenantService(testApp.database.db, who.neighbour);
  krauta = {
    accountId: who.krauta,
    conversationId: visitor.conversationId,
    draftId: await draftOf(testApp, who.krauta, visitor.conversationId, visitor.messageId),
    inboxId: seeded.krauta.inboxId,
    teamId: seeded.krauta.teamIds["palautukset"]!,
    articleId: (await krautaTenant.listArticles())[0]!.id,
  };
  neighbour = {
    accountId: who.neighbour,
    conversationId: seeded.neighbour.conversationId,
    draftId: await draftOf(testApp, who.neighbour, seeded.neighbour.conversationId, seeded.neighbour.messageId),
    inboxId: seeded.neighbour.inboxId,
    teamId: seeded.neighbour.teamId,
    articleId: (await neighbourTenant.listArticles())[0]!.id,
  };
});
afterAll(async () => {
  await testApp.close();
});

const call = (route: RouteCase, path: string, token: string | undefined, body = route.body) =>
  api(testApp.url, route.method, path, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) });

describe("without a valid access token", () => {
  test.each(cases)("$name -> 401", async (route) => {
    const missing = await call(route, route.path(krauta), undefined);
    expect(missing.status).toBe(401);
    expectOnlyError(missing.body, "unauthorized");
    const forged = await call(route, route.path(krauta), `${who.admin.token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expectOnlyError(forged.body, "unauthorized");
  });
});

describe("an agent of K-Rauta in the neighbour's account", () => {
  test.each(cases)("$name -> 404 and nothing of the neighbour", async (route) => {
    for (const token of [who.agent.token, who.admin.token]) {
      const response = await call(route, route.path(neighbour), token);
      expect(response.status).toBe(404);
      expectOnlyError(response.body, "not_found");
      expect(JSON.stringify(response.body)).not.toMatch(/Trädgårdsboden|Lars|Hej|Kundtjänst|tradgardsboden/i);
    }
  });

  // The routes whose path names an entity (the path changes with the ids).
  const one: Ids = { accountId: 1, conversationId: 2, draftId: 3, inboxId: 4, teamId: 5, articleId: 6 };
  const other: Ids = { accountId: 1, conversationId: 20, draftId: 30, inboxId: 40, teamId: 50, articleId: 60 };
  const withIds = cases.filter((route) => route.path(one) !== route.path(other));
  test("the entity routes are the ones expected", () => expect(withIds).toHaveLength(16));
  test.each(withIds)("$name with the neighbour's ids in K-Rauta's account -> 404", async (route) => {
      const ids = { ...neighbour, accountId: who.krauta };
      const response = await call(route, route.path(ids), who.admin.token);
      expect(response.status).toBe(404);
      expectOnlyError(response.body, "not_found");
      expect(JSON.stringify(response.body)).not.toMatch(/Trädgårdsboden|Lars|Hej|Kundtjänst/i);
    },
  );
});

describe("below the route's role", () => {
  const above = cases.filter((route) => route.role !== "agent");
  test.each(above)("$name as an agent -> 403", async (route) => {
    const response = await call(route, route.path(krauta), who.agent.token);
    expect(response.status).toBe(403);
    expectOnlyError(response.body, "forbidden");
    expect((response.body as { error: { message: string } }).error.message).toContain(route.role);
  });
  test.each(above.filter((route) => route.role === "administrator"))("$name as a supervisor -> 403", async (route) => {
    const response = await call(route, route.path(krauta), who.supervisor.token);
    expect(response.status).toBe(403);
    expectOnlyError(response.body, "forbidden");
  });
});

describe("a request the schema refuses", () => {
  test.each(cases.filter((route) => route.invalid !== null))("$name -> 400 with the uniform error body", async (route) => {
    const invalid = route.invalid!;
    const response = await call(route, (invalid.path ?? route.path)(krauta), who.admin.token, invalid.body ?? route.body);
    expect(response.status).toBe(400);
    expectOnlyError(response.body, "invalid_request");
    expect((response.body as { error: { message: string } }).error.message).toMatch(/is invalid/);
  });

  test("a body that is not JSON -> 400 with the uniform error body", async () => {
    const response = await fetch(`${testApp.url}${krauta && account(krauta)}/conversations/${krauta.conversationId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${who.agent.token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expectOnlyError(await response.json());
  });
});

test("the OpenAPI document at /docs describes every agent route", async () => {
  const { status, body } = await api<{ paths: Record<string, Record<string, unknown>> }>(testApp.url, "GET", "/docs/json");
  expect(status).toBe(200);
  const documented = Object.entries(body.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  const ids = { accountId: "{accountId}", conversationId: "{conversationId}", draftId: "{id}", inboxId: "{id}", teamId: "{id}", articleId: "{id}" };
  for (const route of cases) {
    const path = route.path(ids as unknown as Ids).split("?")[0]!;
    expect(documented, route.name).toContain(`${route.method} ${path}`);
  }
});
