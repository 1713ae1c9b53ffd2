/** Identity as an attacker tries it: an identifier without its hash never joins an existing
 * contact (no history, no live events, no posting as the victim), resume stays in the token's
 * inbox, and identify with an identifier another contact holds answers without a 500. */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";
import { createTenantService } from "../tenant/tenant-service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;
type Sent = { message: { id: number; conversationId: number }; created: boolean };
const send = (token: string, content: string) => api<Sent>(t.url, "POST", "/widget/v1/messages", { token, body: { clientMessageId: cmid(), content } });
const identify = (token: string, body: Record<string, unknown>) => api<{ token: string; visitorId: string; error?: { code: string } }>(t.url, "POST", "/widget/v1/identify", { token, body });
const hmac = (identifier: string, secret: string) => createHmac("sha256", secret).update(identifier).digest("hex");

async function storefrontSecret(tenant: ReturnType<typeof createTenantService>) {
  const inbox = (await tenant.listInboxes()).find((i) => i.websiteToken === "krauta-storefront-demo")!;
  return (await tenant.getInboxSecret(inbox.id))!;
}

async function visitorSocket(token: string) {
  const socket = await TestSocket.open(t.url, "/widget/v1/ws");
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

describe("identity takeover", () => {
  test("an identifier without its hash does not join the victim's contact: no history, no live events, no posting as the victim", async () => {
    const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
    const demoSecret = await storefrontSecret(tenant);
    const identifier = `victim-${cmid()}`;

    // The victim is identified properly (with the hash) and talks to support.
    const victimAnon = await visitorToken(t.url);
    const victim = await identify(victimAnon, { identifier, identifierHash: hmac(identifier, demoSecret), name: "Ville Uhri" });
    expect(victim.status).toBe(200);
    const victimFirst = await send(victim.body.token, "Tilaukseni KR-555, osoite Salaisentie 1");
    expect(victimFirst.status).toBe(201);
    const victimContact = (await tenant.findContactByIdentifier(identifier))!;

    // The attacker claims the identifier without a hash (the inbox does not enforce identity).
    const attackerAnon = await visitorToken(t.url);
    const attacker = await identify(attackerAnon, { identifier });
    expect(attacker.status).toBe(200);
    const attackerSocket = await visitorSocket(attacker.body.token);
    const posted = await send(attacker.body.token, "Olen Ville, kerro tilaukseni tila");
    expect(posted.status).toBe(201);
    attackerSocket.send({ type: "resume", after: 0 });

    // The victim's contact keeps the victim's visitor; the attacker's message is in its own conversation.
    expect(await tenant.getContactVisitor(victimContact.id)).toBe(victim.body.visitorId);
    expect(posted.body.message.conversationId).not.toBe(victimFirst.body.message.conversationId);
    const attackerConversation = await tenant.getConversation(posted.body.message.conversationId);
    expect(attackerConversation?.contactId).not.toBe(victimContact.id);

    // History: nothing of the victim.
    const history = await api<{ messages: { content: string }[] }>(t.url, "GET", "/widget/v1/messages", { token: attacker.body.token });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain("Salaisentie");

    // Live: an agent answers the victim; the attacker's socket receives nothing of it.
    const agent = await agentLogin(t.url);
    const reply = await api(t.url, "POST", `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/${victimFirst.body.message.conversationId}/messages`, {
      token: agent.accessToken,
      body: { content: "Ville, pakettisi KR-555 lähtee tänään" },
    });
    expect(reply.status).toBe(201);
    await attackerSocket.waitFor((f) => f.type === "message.created" && f.data.content === "Olen Ville, kerro tilaukseni tila");
    await t.app.gateway.drain();
    await new Promise((r) => setTimeout(r, 150));
    expect(JSON.stringify(attackerSocket.frames)).not.toMatch(/Salaisentie|KR-555/);
    attackerSocket.close();

    // The victim still reads the whole thread, the agent's answer included.
    const victimHistory = await api<{ messages: { content: string }[] }>(t.url, "GET", "/widget/v1/messages", { token: victim.body.token });
    expect(victimHistory.body.messages.map((m) => m.content)).toEqual(["Tilaukseni KR-555, osoite Salaisentie 1", "Ville, pakettisi KR-555 lähtee tänään"]);

    // The desk sees the attacker's identifier as unverified, the victim's as verified.
    const attackerContact = await tenant.getContact(attackerConversation!.contactId);
    expect(attackerContact).toMatchObject({ identifier, identifierVerified: false });
    expect(await tenant.getContact(victimContact.id)).toMatchObject({ identifier, identifierVerified: true });
  });

  test("an unverified identifier on a visitor who already wrote, and then the real hash, never answer 500", async () => {
    const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
    const demoSecret = await storefrontSecret(tenant);
    const identifier = `taken-${cmid()}`;
    const owner = await identify(await visitorToken(t.url), { identifier, identifierHash: hmac(identifier, demoSecret) });
    const ownerMessage = await send(owner.body.token, "Omistajan viesti");
    expect(ownerMessage.status).toBe(201);

    const other = await visitorToken(t.url);
    const otherMessage = await send(other, "Toisen viesti");
    expect(otherMessage.status).toBe(201);
    const unverified = await identify(other, { identifier });
    expect(unverified.status).toBe(200);
    const afterUnverified = await api<{ messages: { content: string }[] }>(t.url, "GET", "/widget/v1/messages", { token: unverified.body.token });
    expect(afterUnverified.body.messages.map((m) => m.content)).toEqual(["Toisen viesti"]);

    // The same person on a second device proves it with the hash: that joins the contact.
    const verified = await identify(other, { identifier, identifierHash: hmac(identifier, demoSecret) });
    expect(verified.status).toBe(200);
    const joined = await api<{ conversation: { id: number }; previousConversations: { id: number }[] }>(t.url, "GET", "/widget/v1/messages", {
      token: verified.body.token,
    });
    expect(joined.status).toBe(200);
    const ids = [joined.body.conversation.id, ...joined.body.previousConversations.map((c) => c.id)];
    expect(ids).toContain(ownerMessage.body.message.conversationId);
    expect(ids).toContain(otherMessage.body.message.conversationId);
  });

  test("resume replays only the token's inbox: a conversation in an identity-enforcing inbox does not leak into another inbox's socket", async () => {
    const tenant = createTenantService(t.database.db, t.seeded.krauta.accountId);
    const demoSecret = await storefrontSecret(tenant);
    const secure = await tenant.createInbox({ name: "Asiakastili", websiteToken: `krauta-secure-${cmid()}`, enforceIdentity: true });
    const identifier = `cross-${cmid()}`;

    const inSecure = await identify(await visitorToken(t.url, secure.websiteToken), { identifier, identifierHash: hmac(identifier, secure.hmacSecret) });
    expect(inSecure.status).toBe(200);
    expect((await send(inSecure.body.token, "Luottokorttini loppuu numeroon 4242")).status).toBe(201);

    const resumeHas4242 = async (token: string) => {
      const socket = await visitorSocket(token);
      socket.send({ type: "resume", after: 0 });
      await socket.waitFor((f) => f.type === "message.created");
      await new Promise((r) => setTimeout(r, 150));
      socket.close();
      return JSON.stringify(socket.frames).includes("4242");
    };
    // The same contact, verified, in the storefront inbox: resume there shows the storefront only.
    const inDemo = await identify(await visitorToken(t.url), { identifier, identifierHash: hmac(identifier, demoSecret) });
    expect((await send(inDemo.body.token, "Kysymys kaupasta")).status).toBe(201);
    expect(await resumeHas4242(inDemo.body.token)).toBe(false);
    // An unverified claim of the identifier in the storefront sees nothing of either.
    const unverified = await identify(await visitorToken(t.url), { identifier });
    expect((await send(unverified.body.token, "Hyökkääjä")).status).toBe(201);
    expect(await resumeHas4242(unverified.body.token)).toBe(false);
  });
});
