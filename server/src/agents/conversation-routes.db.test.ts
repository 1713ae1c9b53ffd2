/** Conversations as agents work them, through the real server: list, read, reply, note, assign,
 * status, priority, read; each change audited. */
import type { AuditLog, Conversation, ConversationDetail, ConversationListResponse, Message } from "@hummdesk/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { createTenantService, type TenantService } from "../tenant/tenant-service.ts";
import { expectOnlyError, neighbourWrites, newVisitor, type SignedIn, signIn, visitorWrites } from "./agent-test-kit.ts";

let testApp: TestApp;
let who: SignedIn;
let tenant: TenantService;

beforeAll(async () => {
  testApp = await startTestApp({ ai: { workers: 0 } });
  who = await signIn(testApp);
  tenant = createTenantService(testApp.database.db, who.krauta);
});
afterAll(async () => {
  await testApp.close();
});

const as = (token: string) => ({
  get: <T>(path: string) => api<T>(testApp.url, "GET", `${who.base}${path}`, { token }),
  post: <T>(path: string, body?: unknown) => api<T>(testApp.url, "POST", `${who.base}${path}`, { token, ...(body !== undefined ? { body } : {}) }),
});
const milestones = (id: number) => tenant.lockConversation(id).then((locked) => locked!);
const auditOf = async (entityType: string, entityId: number) =>
  (await tenant.listAudit({ limit: 1000 })).entries.filter((e) => e.entityType === entityType && e.entityId === String(entityId));

describe("list", () => {
  let inboxId: number;
  let ids: number[];

  beforeAll(async () => {
    // A fresh inbox, so the list holds exactly this block's conversations.
    const admin = as(who.admin.token);
    const created = await admin.post<{ inbox: { id: number; websiteToken: string } }>("/inboxes", { name: "Listaus" });
    inboxId = created.body.inbox.id;
    ids = [];
    for (const content of ["Ensimmäinen", "Toinen", "Kolmas"]) ids.push((await visitorWrites(testApp.url, content, created.body.inbox.websiteToken)).conversationId);
    const [first, second, third] = ids as [number, number, number];
    await admin.post(`/conversations/${first}/assign`, { assigneeId: who.agent.userId, teamId: testApp.seeded.krauta.teamIds["palautukset"] });
    await admin.post(`/conversations/${second}/priority`, { priority: "high" });
    await admin.post(`/conversations/${third}/status`, { status: "resolved" });
    await admin.post(`/conversations/${second}/messages`, { content: "Sisäinen huomio", private: true });
  });

  const list = (query: string, token = who.agent.token) => as(token).get<ConversationListResponse>(`/conversations?inboxId=${inboxId}&${query}`);

  test("newest activity first, with the contact's name and the last public message", async () => {
    const { status, body } = await list("");
    expect(status).toBe(200);
    expect(body.conversations.map((c) => c.id)).toEqual([...ids].reverse());
    const second = body.conversations.find((c) => c.id === ids[1])!;
    // The private note is not the list's preview.
    expect(second.lastMessage).toBe("Toinen");
    expect(second).toHaveProperty("contactName");
    expect(body.nextCursor).toBeNull();
  });

  test.each([
    ["assigneeId=me", [0]],
    [`assigneeId=none`, [1, 2]],
    ["priority=high", [1]],
    ["status=resolved", [2]],
    ["status=open&assigneeId=none", [1]],
  ])("filter %s", async (query, expected) => {
    const { body } = await list(query);
    expect(body.conversations.map((c) => c.id).sort()).toEqual(expected.map((i) => ids[i]).sort());
  });

  test("filter by assignee id and team id", async () => {
    expect((await list(`assigneeId=${who.agent.userId}`, who.admin.token)).body.conversations.map((c) => c.id)).toEqual([ids[0]]);
    expect((await list(`teamId=${testApp.seeded.krauta.teamIds["palautukset"]}`)).body.conversations.map((c) => c.id)).toEqual([ids[0]]);
  });

  test("cursor paging visits every conversation once; a made-up cursor is a 400", async () => {
    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { body: ConversationListResponse } = await list(`limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.body.conversations).toHaveLength(1);
      seen.push(page.body.conversations[0]!.id);
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    const bad = await list("cursor=bm9wZQ");
    expect(bad.status).toBe(400);
    expectOnlyError(bad.body, "invalid_cursor");
  });

  test("contactId lists one visitor's conversations, this account's only; a contactId that is not a number is a 400", async () => {
    const visitor = await newVisitor(testApp.url);
    const first = await visitorWrites(testApp.url, "Ensimmäinen käynti", undefined, visitor);
    await as(who.agent.token).post(`/conversations/${first.conversationId}/status`, { status: "resolved" });
    const second = await visitorWrites(testApp.url, "Toinen käynti", undefined, visitor);
    await visitorWrites(testApp.url, "Joku muu");
    expect(second.conversationId).not.toBe(first.conversationId);
    const contactId = (await tenant.getConversation(first.conversationId))!.contactId;

    const mine = await as(who.agent.token).get<ConversationListResponse>(`/conversations?contactId=${contactId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.conversations.map((c) => [c.id, c.lastMessage])).toEqual([
      [second.conversationId, "Toinen käynti"],
      [first.conversationId, "Ensimmäinen käynti"],
    ]);
    // The same contact id seen from the neighbouring tenant names nothing there.
    const neighbour = await neighbourWrites(testApp.url, "Hej");
    const theirContact = (await createTenantService(testApp.database.db, who.neighbour).getConversation(neighbour.conversationId))!.contactId;
    expect((await as(who.agent.token).get<ConversationListResponse>(`/conversations?contactId=${theirContact}`)).body.conversations).toEqual([]);
    const bad = await as(who.agent.token).get(`/conversations?contactId=abc`);
    expect(bad.status).toBe(400);
    expectOnlyError(bad.body);
  });
});

describe("read", () => {
  test("the conversation, its contact, every message including notes, and the latest draft", async () => {
    const visitor = await visitorWrites(testApp.url, "Onko teillä ruuvimeisseleitä?");
    await as(who.agent.token).post(`/conversations/${visitor.conversationId}/messages`, { content: "Muistiinpano kollegoille", private: true });
    const { draft } = await tenant.saveAIDraft({ conversationId: visitor.conversationId, messageId: visitor.messageId, content: "On!", status: "ready", model: "test" });
    const { status, body } = await as(who.agent.token).get<ConversationDetail>(`/conversations/${visitor.conversationId}`);
    expect(status).toBe(200);
    expect(body.conversation).toMatchObject({ id: visitor.conversationId, status: "open", unreadCount: 1 });
    expect(Object.keys(body.contact).sort()).toEqual(["customAttributes", "email", "id", "identifier", "identifierVerified", "name"]);
    expect(body.messages.map((m) => [m.messageType, m.private, m.content])).toEqual([
      ["incoming", false, "Onko teillä ruuvimeisseleitä?"],
      ["note", true, "Muistiinpano kollegoille"],
    ]);
    expect(body.latestDraft).toMatchObject({ id: draft.id, content: "On!", status: "ready" });
  });

  test("an id no conversation has -> 404", async () => {
    const response = await as(who.agent.token).get("/conversations/987654321");
    expect(response.status).toBe(404);
    expectOnlyError(response.body, "not_found");
  });
});

describe("reply and note", () => {
  test("a reply is the agent's outgoing message: first reply, unread cleared, activity moved, audited", async () => {
    const visitor = await visitorWrites(testApp.url, "Milloin myymälä aukeaa?");
    expect((await milestones(visitor.conversationId)).conversation).toMatchObject({ unreadCount: 1, aiEnabled: true });
    const { status, body } = await as(who.agent.token).post<{ message: Message }>(`/conversations/${visitor.conversationId}/messages`, {
      content: "  Aukeamme kello 7.  ",
    });
    expect(status).toBe(201);
    expect(body.message).toMatchObject({
      conversationId: visitor.conversationId,
      messageType: "outgoing",
      senderType: "agent",
      senderId: who.agent.userId,
      senderName: "Aino Virtanen",
      private: false,
      content: "Aukeamme kello 7.",
    });
    const after = await milestones(visitor.conversationId);
    expect(after.conversation.unreadCount).toBe(0);
    // A person has taken over: the AI no longer answers the visitor.
    expect(after.conversation.aiEnabled).toBe(false);
    expect(after.conversation.lastActivityAt).toBe(body.message.createdAt);
    expect(after.firstRepliedAt).toBe(body.message.createdAt);
    expect(await auditOf("message", body.message.id)).toMatchObject([{ action: "conversation.reply", actorId: who.agent.userId, after: { conversationId: visitor.conversationId } }]);

    // A second reply keeps the first-reply time.
    await as(who.colleague.token).post(`/conversations/${visitor.conversationId}/messages`, { content: "Ja suljemme 21." });
    expect((await milestones(visitor.conversationId)).firstRepliedAt).toBe(body.message.createdAt);
  });

  test("the same clientMessageId again returns the stored reply (200) and writes nothing", async () => {
    const visitor = await visitorWrites(testApp.url, "Hei");
    const path = `/conversations/${visitor.conversationId}/messages`;
    const first = await as(who.agent.token).post<{ message: Message }>(path, { content: "Hei! Miten voin auttaa?", clientMessageId: "agent-retry-0001" });
    const again = await as(who.agent.token).post<{ message: Message }>(path, { content: "Hei! Miten voin auttaa?", clientMessageId: "agent-retry-0001" });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(await auditOf("message", first.body.message.id)).toHaveLength(1);
    const detail = await as(who.agent.token).get<ConversationDetail>(`/conversations/${visitor.conversationId}`);
    expect(detail.body.messages.filter((m) => m.senderType === "agent")).toHaveLength(1);
  });

  test("a reply to a resolved conversation reopens it", async () => {
    const visitor = await visitorWrites(testApp.url, "Kiitos, selvä!");
    await as(who.agent.token).post(`/conversations/${visitor.conversationId}/status`, { status: "resolved" });
    expect((await milestones(visitor.conversationId)).resolvedAt).not.toBeNull();
    await as(who.agent.token).post(`/conversations/${visitor.conversationId}/messages`, { content: "Vielä yksi asia: kuitti on sähköpostissasi." });
    const after = await milestones(visitor.conversationId);
    expect(after.conversation.status).toBe("open");
    expect(after.resolvedAt).toBeNull();
    const statusChanges = (await auditOf("conversation", visitor.conversationId)).filter((e) => e.action === "conversation.status");
    expect(statusChanges.map((e) => e.after)).toEqual([expect.objectContaining({ status: "open" }), expect.objectContaining({ status: "resolved" })]);
  });

  test("a private note is a note, and changes nothing about the conversation", async () => {
    const visitor = await visitorWrites(testApp.url, "Paketti on rikki");
    const before = await milestones(visitor.conversationId);
    const { status, body } = await as(who.agent.token).post<{ message: Message }>(`/conversations/${visitor.conversationId}/messages`, {
      content: "Tarkistan varastosta",
      private: true,
    });
    expect(status).toBe(201);
    expect(body.message).toMatchObject({ messageType: "note", private: true, senderType: "agent", senderId: who.agent.userId });
    const after = await milestones(visitor.conversationId);
    expect(after).toEqual(before);
    expect(await auditOf("message", body.message.id)).toMatchObject([{ action: "conversation.note" }]);
  });
});

describe("assign, status, priority, read", () => {
  let conversationId: number;
  beforeAll(async () => {
    conversationId = (await visitorWrites(testApp.url, "Haluan palauttaa porakoneen")).conversationId;
  });
  const post = <T = { conversation: Conversation }>(path: string, body?: unknown) =>
    as(who.agent.token).post<T>(`/conversations/${conversationId}${path}`, body);

  test("assign an agent and a team, then unassign; audited with before and after", async () => {
    const team = testApp.seeded.krauta.teamIds["palautukset"]!;
    const assigned = await post("/assign", { assigneeId: who.colleague.userId, teamId: team });
    expect(assigned.status).toBe(200);
    expect(assigned.body.conversation).toMatchObject({ assigneeId: who.colleague.userId, teamId: team });
    const agents = await as(who.agent.token).get<{ agents: { userId: number; openConversations: number }[] }>("/agents");
    expect(agents.body.agents.find((a) => a.userId === who.colleague.userId)!.openConversations).toBeGreaterThanOrEqual(1);
    const unassigned = await post("/assign", { assigneeId: null });
    expect(unassigned.body.conversation).toMatchObject({ assigneeId: null, teamId: team });
    const entries = (await auditOf("conversation", conversationId)).filter((e) => e.action === "conversation.assign");
    expect(entries.map((e: AuditLog) => [e.before, e.after])).toEqual([
      [{ assigneeId: who.colleague.userId }, { assigneeId: null }],
      [
        { assigneeId: null, teamId: null },
        { assigneeId: who.colleague.userId, teamId: team },
      ],
    ]);
  });

  test("an assignee who is not a member, or a team that does not exist -> 400 saying so", async () => {
    const stranger = await post("/assign", { assigneeId: who.stranger.userId });
    expect(stranger.status).toBe(400);
    expectOnlyError(stranger.body, "invalid_request");
    expect(JSON.stringify(stranger.body)).toContain(`user ${who.stranger.userId} is not a member of this account`);
    const team = await post("/assign", { teamId: testApp.seeded.neighbour.teamId });
    expect(team.status).toBe(400);
    expect(JSON.stringify(team.body)).toContain(`team ${testApp.seeded.neighbour.teamId} does not exist`);
  });

  test("status: resolved stamps resolvedAt, leaving resolved clears it", async () => {
    const resolved = await post("/status", { status: "resolved" });
    expect(resolved.body.conversation.status).toBe("resolved");
    expect((await milestones(conversationId)).resolvedAt).not.toBeNull();
    const pending = await post("/status", { status: "pending" });
    expect(pending.body.conversation.status).toBe("pending");
    expect((await milestones(conversationId)).resolvedAt).toBeNull();
    const entries = (await auditOf("conversation", conversationId)).filter((e) => e.action === "conversation.status");
    expect(entries.map((e) => e.after)).toEqual([expect.objectContaining({ status: "pending", resolvedAt: null }), expect.objectContaining({ status: "resolved" })]);
  });

  test("priority moves the first-reply deadline until the first reply, not after", async () => {
    const fresh = await visitorWrites(testApp.url, "Kiireellinen asia!");
    const path = `/conversations/${fresh.conversationId}`;
    const urgent = await as(who.agent.token).post<{ conversation: Conversation }>(`${path}/priority`, { priority: "urgent" });
    expect(urgent.body.conversation.priority).toBe("urgent");
    // The K-Rauta SLA: urgent conversations get a first reply within 15 minutes of their start.
    expect(Date.parse(urgent.body.conversation.firstReplyDueAt!) - Date.parse(urgent.body.conversation.createdAt)).toBe(15 * 60_000);
    await as(who.agent.token).post(`${path}/messages`, { content: "Autan heti." });
    const low = await as(who.agent.token).post<{ conversation: Conversation }>(`${path}/priority`, { priority: "low" });
    expect(low.body.conversation).toMatchObject({ priority: "low", firstReplyDueAt: urgent.body.conversation.firstReplyDueAt });
    expect((await auditOf("conversation", fresh.conversationId)).filter((e) => e.action === "conversation.priority").map((e) => e.after)).toEqual([
      { priority: "low" },
      { priority: "urgent", firstReplyDueAt: urgent.body.conversation.firstReplyDueAt },
    ]);
  });

  test("read clears the unread count (204), once", async () => {
    const fresh = await visitorWrites(testApp.url, "Lukematon viesti");
    const path = `/conversations/${fresh.conversationId}/read`;
    const read = await as(who.agent.token).post(path);
    expect(read.status).toBe(204);
    expect(read.body).toBeNull();
    expect((await milestones(fresh.conversationId)).conversation.unreadCount).toBe(0);
    expect((await as(who.agent.token).post(path)).status).toBe(204);
    expect((await auditOf("conversation", fresh.conversationId)).filter((e) => e.action === "conversation.read")).toHaveLength(1);
  });
});
