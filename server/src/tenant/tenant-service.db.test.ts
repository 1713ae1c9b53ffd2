/** The tenant service's methods on real databases (PGlite and PostgreSQL). */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { seedBoth } from "../../test/fixtures.ts";
import { createSeededTestDatabase, type TestDatabase } from "../../test/test-database.ts";
import { verifyPassword } from "../auth/password.ts";
import { createTenantService, type TenantService } from "./tenant-service.ts";
import { createAccount, createUser, findLogin, getAccountIdBySubdomain, resolveInbox, userAccounts } from "./system.ts";

let database: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedBoth>>;
let t: TenantService;

beforeEach(async () => {
  ({ database, seeded } = await createSeededTestDatabase());
  t = createTenantService(database.db, seeded.krauta.accountId);
});
afterEach(async () => {
  await database.close();
});

describe("accounts and users", () => {
  test("create, get, getBySubdomain; users with a real password hash; addToAccount", async () => {
    const id = await createAccount(database.db, { name: "Rauta-Oy", subdomain: "rauta-oy", locale: "fi" });
    expect(await getAccountIdBySubdomain(database.db, "rauta-oy")).toBe(id);
    expect(await getAccountIdBySubdomain(database.db, "nope")).toBeNull();
    const other = createTenantService(database.db, id);
    expect((await other.getAccount())?.name).toBe("Rauta-Oy");
    const userId = await createUser(database.db, { email: "Ville@Rauta.example", name: "Ville", password: "correct horse" });
    const login = await findLogin(database.db, "ville@rauta.example");
    expect(login?.userId).toBe(userId);
    expect(login?.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("correct horse", login!.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong", login!.passwordHash)).toBe(false);
    await other.addToAccount(userId, "supervisor");
    expect(await userAccounts(database.db, userId)).toEqual([{ accountId: id, name: "Rauta-Oy", subdomain: "rauta-oy", role: "supervisor" }]);
    expect((await other.getUserByEmail("ville@rauta.example"))?.id).toBe(userId);
    // The user is not visible to K-Rauta, which it does not belong to.
    expect(await t.getUserByEmail("ville@rauta.example")).toBeNull();
  });

  test("resolveInbox maps a public website token to its account and inbox only", async () => {
    expect(await resolveInbox(database.db, "krauta-storefront-demo")).toEqual({ accountId: seeded.krauta.accountId, inboxId: seeded.krauta.inboxId });
    expect(await resolveInbox(database.db, "no-such-token")).toBeNull();
  });
});

describe("teams, inboxes, contacts, agents", () => {
  test("teams: create, get, list, addTeamMember", async () => {
    const team = await t.createTeam({ name: "Piha ja puutarha", categories: ["product_question"] });
    expect(team.slug).toBe("piha-ja-puutarha");
    expect(await t.getTeam(team.id)).toEqual(team);
    expect((await t.listTeams()).map((x) => x.id)).toContain(team.id);
    const aino = seeded.krauta.agentIds["aino@k-rauta.example"]!;
    await t.addTeamMember(team.id, aino);
    await t.addTeamMember(team.id, aino);
    expect(await t.listTeamMembers(team.id)).toEqual([aino]);
    // A user of another account cannot be made a member (composite key to account_users).
    await expect(t.addTeamMember(team.id, seeded.neighbour.agentId)).rejects.toThrow();
  });

  test("inboxes: create with a website token and secret, get, list, update", async () => {
    const inbox = await t.createInbox({ name: "Kampanja", allowedOrigins: ["https://kampanja.example"] });
    expect(inbox.websiteToken.length).toBeGreaterThanOrEqual(16);
    expect(inbox.hmacSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.getInboxSecret(inbox.id)).toBe(inbox.hmacSecret);
    const { hmacSecret: _secret, ...visible } = inbox;
    expect(await t.getInbox(inbox.id)).toEqual(visible);
    expect((await t.listInboxes()).length).toBe(2);
    expect((await t.updateInbox(inbox.id, { aiMode: "off" }))?.aiMode).toBe("off");
  });

  test("contacts: create, findByEmail, findByIdentifier, merge custom attributes", async () => {
    const contact = await t.createContact({ name: "Matti", email: "matti@example.fi", identifier: "cust-42", identifierVerified: true, customAttributes: { plan: "pro" } });
    await t.createContact({ name: "Claimed", identifier: "cust-43" });
    expect((await t.findContactByEmail("matti@example.fi"))?.id).toBe(contact.id);
    expect((await t.findContactByIdentifier("cust-42"))?.id).toBe(contact.id);
    // An identifier nobody proved with its hash joins nothing.
    expect(await t.findContactByIdentifier("cust-43")).toBeNull();
    const updated = await t.updateContact(contact.id, { customAttributes: { city: "Tampere" } });
    expect(updated?.customAttributes).toEqual({ plan: "pro", city: "Tampere" });
    // A verified identifier is unique; an unverified claim of it is only a claim and may repeat.
    await expect(t.createContact({ identifier: "cust-42", identifierVerified: true })).rejects.toThrow();
    expect((await t.createContact({ identifier: "cust-42" })).identifierVerified).toBe(false);
  });

  test("agents: list with load, availability, and team availability figures", async () => {
    const aino = seeded.krauta.agentIds["aino@k-rauta.example"]!;
    const returns = seeded.krauta.teamIds["palautukset"]!;
    const contact = await t.createContact({ name: "V" });
    await t.createConversation({ inboxId: seeded.krauta.inboxId, contactId: contact.id, assigneeId: aino, teamId: returns });
    await t.createConversation({ inboxId: seeded.krauta.inboxId, contactId: contact.id, teamId: returns });
    const agents = await t.listAgents();
    expect(agents.find((a) => a.userId === aino)).toMatchObject({ openConversations: 1, availability: "online", maxConcurrent: 5 });
    const teams = await t.getTeamsAvailability();
    // Palautukset: Aino and Mikko, both online, 5 each; 2 open conversations in the team, 1 assigned.
    expect(teams.find((x) => x.teamId === returns)).toEqual({
      teamId: returns,
      teamName: "Palautukset",
      onlineAgents: 2,
      totalAgents: 2,
      openConversations: 2,
      capacity: 10,
      utilisation: 0.1,
    });
    expect(await t.setAvailability(aino, "offline")).toBe(true);
    expect((await t.getTeamsAvailability()).find((x) => x.teamId === returns)).toMatchObject({ onlineAgents: 1, capacity: 5, utilisation: 0 });
  });
});

describe("conversations and messages", () => {
  test("display ids count per account; list filters and cursor paging", async () => {
    const contact = await t.createContact({ name: "V" });
    const created = [];
    for (let i = 0; i < 7; i++) {
      created.push(
        await t.createConversation({ inboxId: seeded.krauta.inboxId, contactId: contact.id, priority: i % 2 === 0 ? "high" : "low" }),
      );
    }
    expect(created.map((c) => c.displayId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const page1 = await t.listConversations({ limit: 3 });
    expect(page1.conversations).toHaveLength(3);
    const page2 = await t.listConversations({ limit: 3, cursor: page1.nextCursor! });
    const page3 = await t.listConversations({ limit: 3, cursor: page2.nextCursor! });
    expect(page3.nextCursor).toBeNull();
    const ids = [...page1.conversations, ...page2.conversations, ...page3.conversations].map((c) => c.id);
    expect(new Set(ids).size).toBe(7);
    expect((await t.listConversations({ priority: "high" })).conversations).toHaveLength(4);
    expect((await t.listConversations({ assigneeId: "none", status: "open" })).conversations).toHaveLength(7);
    expect((await t.listConversations({ inboxId: seeded.neighbour.inboxId })).conversations).toHaveLength(0);
  });

  test("five concurrent creates with one clientMessageId store one row and return the same id", async () => {
    const contact = await t.createContact({ name: "V" });
    const conversation = await t.createConversation({ inboxId: seeded.krauta.inboxId, contactId: contact.id });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.createMessage({
          conversationId: conversation.id,
          senderType: "contact",
          senderId: contact.id,
          messageType: "incoming",
          content: "Missä tilaukseni on?",
          clientMessageId: "cm-concurrent-1",
        }),
      ),
    );
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.getConversationMessages(conversation.id)).toHaveLength(1);
  });

  test("messages: get, list after an id, private notes hidden unless asked", async () => {
    const contact = await t.createContact({ name: "V" });
    const conversation = await t.createConversation({ inboxId: seeded.krauta.inboxId, contactId: contact.id });
    const make = (content: string, isPrivate = false) =>
      t.createMessage({ conversationId: conversation.id, senderType: "agent", messageType: isPrivate ? "note" : "outgoing", content, private: isPrivate });
    const { message: first } = await make("one");
    await make("note", true);
    const { message: third } = await make("three");
    expect((await t.getMessage(first.id))?.content).toBe("one");
    expect((await t.getConversationMessages(conversation.id, { after: first.id })).map((m) => m.content)).toEqual(["three"]);
    expect((await t.getConversationMessages(conversation.id, { includePrivate: true })).map((m) => m.content)).toEqual(["one", "note", "three"]);
    expect((await t.listMessagesAfter(first.id, { conversationIds: [conversation.id] })).map((m) => m.id)).toEqual([third.id]);
  });

  test("AI records: classification, one draft per message, draft status, latest", async () => {
    const contact = await t.createContact({ name: "V" });
    const conversation = await t.createConversation({ inboxId: seeded.krauta.inboxId, contactId: contact.id });
    const { message } = await t.createMessage({ conversationId: conversation.id, senderType: "contact", messageType: "incoming", content: "Palautus?" });
    const classification = await t.saveAIClassification({
      conversationId: conversation.id,
      messageId: message.id,
      language: "fi",
      category: "returns_refunds",
      priority: "medium",
      sentiment: "neutral",
      confidence: 0.9,
      model: "builtin",
      latencyMs: 3,
    });
    expect((await t.getLatestClassification(conversation.id))?.id).toBe(classification.id);
    const first = await t.saveAIDraft({ conversationId: conversation.id, messageId: message.id, model: "builtin", content: "a" });
    const second = await t.saveAIDraft({ conversationId: conversation.id, messageId: message.id, model: "builtin", content: "b" });
    expect(second.created).toBe(false);
    expect(second.draft.id).toBe(first.draft.id);
    expect((await t.updateDraft(first.draft.id, { status: "rejected" }))?.status).toBe("rejected");
    expect((await t.getLatestDraft(conversation.id))?.status).toBe("rejected");
    const updated = await t.updateConversation(conversation.id, { category: "returns_refunds", language: "fi", aiConfidence: 0.9 });
    expect(updated).toMatchObject({ category: "returns_refunds", language: "fi" });
  });

  test("audit log: append and page newest first", async () => {
    for (let i = 0; i < 3; i++) await t.appendAudit({ actorId: seeded.krauta.adminId, action: "inbox.update", entityType: "inbox", entityId: i, before: { i }, after: { i: i + 1 } });
    const page = await t.listAudit({ limit: 2 });
    expect(page.entries.map((e) => e.entityId)).toEqual(["2", "1"]);
    const rest = await t.listAudit({ limit: 2, cursor: page.nextCursor! });
    expect(rest.entries.map((e) => e.entityId)).toEqual(["0"]);
    expect(rest.nextCursor).toBeNull();
  });
});
