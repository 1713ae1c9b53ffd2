/** For the agent API's tests: signed-in members of both tenants (one per role) and visitor
 * conversations started through the real widget API. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { NEIGHBOUR_AGENT, NEIGHBOUR_WEBSITE_TOKEN } from "../../test/fixtures.ts";
import { agentLogin, api, type TestApp } from "../../test/test-app.ts";
import { DEMO_ADMIN, DEMO_AGENT_PASSWORD } from "../db/seed.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { createUser } from "../tenant/system.ts";

export const SUPERVISOR = { email: "sari@k-rauta.example", name: "Sari Supervisor", password: "hummdesk-supervisor" } as const;

export interface Member {
  userId: number;
  token: string;
}

export interface SignedIn {
  krauta: number;
  neighbour: number;
  admin: Member;
  supervisor: Member;
  /** Aino, an agent of K-Rauta. */
  agent: Member;
  /** Mikko, another agent of K-Rauta. */
  colleague: Member;
  /** Elsa, administrator of the neighbouring tenant Trädgårdsboden. */
  stranger: Member;
  /** `/api/v1/accounts/<K-Rauta>` */
  base: string;
}

async function member(url: string, email: string, password: string, userId: number): Promise<Member> {
  const tokens = await agentLogin(url, email, password);
  expect(tokens.accessToken, `login of ${email}`).toBeTruthy();
  return { userId, token: tokens.accessToken };
}

/** Adds a supervisor to K-Rauta and signs everybody in. */
export async function signIn(testApp: TestApp): Promise<SignedIn> {
  const { krauta, neighbour } = testApp.seeded;
  const supervisorId = await createUser(testApp.database.db, SUPERVISOR);
  await createTenantService(testApp.database.db, krauta.accountId).addToAccount(supervisorId, "supervisor", { availability: "online" });
  const url = testApp.url;
  const [admin, supervisor, agent, colleague, stranger] = await Promise.all([
    member(url, DEMO_ADMIN.email, DEMO_ADMIN.password, krauta.adminId),
    member(url, SUPERVISOR.email, SUPERVISOR.password, supervisorId),
    member(url, "aino@k-rauta.example", DEMO_AGENT_PASSWORD, krauta.agentIds["aino@k-rauta.example"]!),
    member(url, "mikko@k-rauta.example", DEMO_AGENT_PASSWORD, krauta.agentIds["mikko@k-rauta.example"]!),
    member(url, NEIGHBOUR_AGENT.email, NEIGHBOUR_AGENT.password, neighbour.agentId),
  ]);
  return { krauta: krauta.accountId, neighbour: neighbour.accountId, admin, supervisor, agent, colleague, stranger, base: `/api/v1/accounts/${krauta.accountId}` };
}

export interface VisitorConversation {
  visitorToken: string;
  visitorId: string;
  conversationId: number;
  messageId: number;
}

/** A new visitor of an inbox (token and id), as the widget gets one. */
export async function newVisitor(url: string, websiteToken = "krauta-storefront-demo") {
  const issued = await api<{ token: string; visitorId: string }>(url, "POST", `/widget/v1/inboxes/${websiteToken}/visitors`, { body: {} });
  expect(issued.status).toBe(200);
  return issued.body;
}

/** A visitor (new, or the one given) writes a message, as the widget does. */
export async function visitorWrites(
  url: string,
  content: string,
  websiteToken = "krauta-storefront-demo",
  visitor?: { token: string; visitorId: string },
): Promise<VisitorConversation> {
  const { token, visitorId } = visitor ?? (await newVisitor(url, websiteToken));
  const sent = await api<{ message: { id: number; conversationId: number } }>(url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: randomUUID(), content },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return { visitorToken: token, visitorId, conversationId: sent.body.message.conversationId, messageId: sent.body.message.id };
}

export const neighbourWrites = (url: string, content: string) => visitorWrites(url, content, NEIGHBOUR_WEBSITE_TOKEN);

/** Whether a response body holds nothing but the uniform error. */
export function expectOnlyError(body: unknown, code?: string) {
  expect(Object.keys(body as object)).toEqual(["error"]);
  const error = (body as { error: { code: string; message: string } }).error;
  expect(typeof error.message).toBe("string");
  if (code) expect(error.code).toBe(code);
}
