/** AI drafts through the real server: list, accept, edit and send, reject; each decided once. */
import type { AIDraft, AuditLog, ConversationDetail, DraftStatus, Message } from "@hummdesk/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { createTenantService, type TenantService } from "../tenant/tenant-service.ts";
import { expectOnlyError, type SignedIn, signIn, visitorWrites } from "./agent-test-kit.ts";

const CITATIONS = [{ articleId: 1, title: "Palautusoikeus", url: "https://www.k-rauta.example/palautus" }];

describe("with drafts as the AI leaves them", () => {
  let testApp: TestApp;
  let who: SignedIn;
  let tenant: TenantService;

  beforeAll(async () => {
    // No AI workers: the drafts are exactly the ones each test writes.
    testApp = await startTestApp({ ai: { workers: 0 } });
    who = await signIn(testApp);
    tenant = createTenantService(testApp.database.db, who.krauta);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** A visitor's question with a draft answer in the given state. */
  async function draftFor(question: string, content: string, status: DraftStatus = "ready", sentMessageId: number | null = null) {
    const visitor = await visitorWrites(testApp.url, question);
    const { draft } = await tenant.saveAIDraft({ conversationId: visitor.conversationId, messageId: visitor.messageId, content, citations: CITATIONS, status, model: "test" });
    if (sentMessageId !== null) await tenant.updateDraft(draft.id, { sentMessageId });
    return { ...visitor, draftId: draft.id };
  }
  const post = <T>(path: string, body?: unknown, token = who.agent.token) =>
    api<T>(testApp.url, "POST", `${who.base}${path}`, { token, ...(body !== undefined ? { body } : {}) });
  const agentMessages = async (conversationId: number) =>
    (await api<ConversationDetail>(testApp.url, "GET", `${who.base}/conversations/${conversationId}`, { token: who.agent.token })).body.messages.filter(
      (m) => m.senderType === "agent",
    );
  const auditOf = async (draftId: number): Promise<AuditLog[]> =>
    (await tenant.listAudit({ limit: 1000 })).entries.filter((e) => e.entityType === "draft" && e.entityId === String(draftId));

  test("list: a conversation's drafts, newest first", async () => {
    const { conversationId, draftId } = await draftFor("Voiko tilauksen perua?", "Voit perua tilauksen ennen lähetystä.");
    const { status, body } = await api<{ drafts: AIDraft[] }>(testApp.url, "GET", `${who.base}/conversations/${conversationId}/drafts`, { token: who.agent.token });
    expect(status).toBe(200);
    expect(body.drafts).toMatchObject([{ id: draftId, status: "ready", content: "Voit perua tilauksen ennen lähetystä.", citations: CITATIONS }]);
  });

  test("accept: the draft goes out as the agent's reply, with its citations; the draft is accepted", async () => {
    const { conversationId, draftId } = await draftFor("Kauanko palautusaikaa on?", "Palautusaikaa on 30 päivää.");
    const { status, body } = await post<{ draft: AIDraft; message: Message }>(`/drafts/${draftId}/accept`);
    expect(status).toBe(200);
    expect(body.message).toMatchObject({
      conversationId,
      messageType: "outgoing",
      senderType: "agent",
      senderId: who.agent.userId,
      senderName: "Aino Virtanen",
      content: "Palautusaikaa on 30 päivää.",
      citations: CITATIONS,
      private: false,
    });
    expect(body.draft).toMatchObject({ id: draftId, status: "accepted", sentMessageId: body.message.id });
    expect((await agentMessages(conversationId)).map((m) => m.id)).toEqual([body.message.id]);
    expect((await tenant.lockConversation(conversationId))!.firstRepliedAt).toBe(body.message.createdAt);
    expect(await auditOf(draftId)).toMatchObject([{ action: "draft.accept", before: { status: "ready" }, after: { status: "accepted", sentMessageId: body.message.id } }]);
  });

  test("edit and send: the agent's text goes out, the draft keeps the AI's text and is edited", async () => {
    const { conversationId, draftId } = await draftFor("Onko porakone varastossa?", "Kyllä, porakoneita on varastossa.");
    const { status, body } = await post<{ draft: AIDraft; message: Message }>(`/drafts/${draftId}/send`, { content: "Kyllä on, Vantaan myymälässä 4 kpl." });
    expect(status).toBe(200);
    expect(body.message.content).toBe("Kyllä on, Vantaan myymälässä 4 kpl.");
    expect(body.draft).toMatchObject({ status: "edited", content: "Kyllä, porakoneita on varastossa.", sentMessageId: body.message.id });
    expect(await agentMessages(conversationId)).toHaveLength(1);
    expect((await auditOf(draftId)).map((e) => e.action)).toEqual(["draft.edit_and_send"]);
  });

  test("a hand-written reply or a resolve supersedes the waiting draft: it is no longer offered, and accepting it is a 409", async () => {
    const replied = await draftFor("Onko teillä saunakiukaita?", "Kyllä, meillä on saunakiukaita.");
    const reply = await post(`/conversations/${replied.conversationId}/messages`, { content: "Kyllä on, katso verkkokaupasta." });
    expect(reply.status).toBe(201);
    expect(await tenant.getDraft(replied.draftId)).toMatchObject({ status: "superseded" });
    const late = await post(`/drafts/${replied.draftId}/accept`);
    expect(late.status).toBe(409);
    expectOnlyError(late.body);
    expect(await agentMessages(replied.conversationId)).toHaveLength(1);

    const resolved = await draftFor("Kiitos, ei muuta.", "Kiva kun pystyimme auttamaan!");
    const status = await post(`/conversations/${resolved.conversationId}/status`, { status: "resolved" });
    expect(status.status).toBe(200);
    expect(await tenant.getDraft(resolved.draftId)).toMatchObject({ status: "superseded" });
    // A private note is not an answer: the draft stays offered.
    const noted = await draftFor("Milloin myymälä aukeaa?", "Myymälä aukeaa kello 7.");
    await post(`/conversations/${noted.conversationId}/messages`, { content: "Tarkistan aukioloajat", private: true });
    expect(await tenant.getDraft(noted.draftId)).toMatchObject({ status: "ready" });
  });

  test("send without a change is an accept", async () => {
    const { draftId } = await draftFor("Missä on lähin myymälä?", "Lähin myymälä on Vantaalla.");
    const { body } = await post<{ draft: AIDraft }>(`/drafts/${draftId}/send`, { content: "Lähin myymälä on Vantaalla." });
    expect(body.draft.status).toBe("accepted");
  });

  test("reject: nothing is sent and the draft is rejected", async () => {
    const { conversationId, draftId } = await draftFor("Saako alennusta?", "Kaikki tuotteet -90 %!");
    const { status, body } = await post<{ draft: AIDraft }>(`/drafts/${draftId}/reject`);
    expect(status).toBe(200);
    expect(body.draft).toMatchObject({ id: draftId, status: "rejected", sentMessageId: null });
    expect(await agentMessages(conversationId)).toEqual([]);
    expect(await auditOf(draftId)).toMatchObject([{ action: "draft.reject", before: { status: "ready" }, after: { status: "rejected" } }]);
  });

  test.each([
    ["accepted", "accept"],
    ["accepted", "send"],
    ["accepted", "reject"],
    ["edited", "accept"],
    ["rejected", "accept"],
    ["rejected", "send"],
    ["rejected", "reject"],
  ] as const)("a draft already %s: %s -> 409, and nothing more is sent", async (first, then) => {
    const { conversationId, draftId } = await draftFor("Kysymys", "Vastaus");
    const action = { accepted: "accept", edited: "send", rejected: "reject" }[first];
    expect((await post(`/drafts/${draftId}/${action}`, action === "send" ? { content: "Muokattu" } : undefined)).status).toBe(200);
    const sentBefore = await agentMessages(conversationId);
    const second = await post(`/drafts/${draftId}/${then}`, then === "send" ? { content: "Toinen" } : undefined);
    expect(second.status).toBe(409);
    expectOnlyError(second.body, "conflict");
    expect(JSON.stringify(second.body)).toContain(`already ${first}`);
    expect(await agentMessages(conversationId)).toEqual(sentBefore);
  });

  test("a draft still streaming, or one the AI already sent -> 409; a failed one only with the agent's own text", async () => {
    const streaming = await draftFor("Kysymys 1", "Osittainen vast", "streaming");
    expect((await post(`/drafts/${streaming.draftId}/accept`)).status).toBe(409);
    expect((await post(`/drafts/${streaming.draftId}/reject`)).status).toBe(409);

    const sent = await draftFor("Kysymys 2", "Jo lähetetty", "ready", null);
    const aiMessage = await tenant.createMessage({ conversationId: sent.conversationId, senderType: "ai", messageType: "outgoing", content: "Jo lähetetty" });
    await tenant.updateDraft(sent.draftId, { sentMessageId: aiMessage.message.id });
    const again = await post(`/drafts/${sent.draftId}/accept`);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain("already sent to the visitor");

    const failed = await draftFor("Kysymys 3", "", "failed");
    expect((await post(`/drafts/${failed.draftId}/accept`)).status).toBe(409);
    const written = await post<{ draft: AIDraft; message: Message }>(`/drafts/${failed.draftId}/send`, { content: "Selvitän asian ja palaan." });
    expect(written.status).toBe(200);
    expect(written.body.draft.status).toBe("edited");
  });

  test("two agents accepting at once: one reply is sent, the other gets 409", async () => {
    const { conversationId, draftId } = await draftFor("Kiire!", "Autamme heti.");
    const results = await Promise.all([post(`/drafts/${draftId}/accept`), post(`/drafts/${draftId}/accept`, undefined, who.colleague.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await agentMessages(conversationId)).toHaveLength(1);
  });

  test("a draft id no draft has -> 404", async () => {
    const response = await post("/drafts/987654321/accept");
    expect(response.status).toBe(404);
    expectOnlyError(response.body, "not_found");
  });
});

describe("with the AI pipeline running", () => {
  let testApp: TestApp;
  let who: SignedIn;
  beforeAll(async () => {
    testApp = await startTestApp({ ai: { workers: 1 } });
    who = await signIn(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  test("a visitor asks in a suggest inbox, the AI drafts, the agent accepts: the answer is sent once", async () => {
    const inbox = await api<{ inbox: { websiteToken: string } }>(testApp.url, "POST", `${who.base}/inboxes`, {
      token: who.admin.token,
      body: { name: "Ehdotukset", aiMode: "suggest", locale: "fi" },
    });
    const visitor = await visitorWrites(testApp.url, "Kuinka monta päivää minulla on aikaa palauttaa tuote?", inbox.body.inbox.websiteToken);
    const drafts = `${who.base}/conversations/${visitor.conversationId}/drafts`;
    let draft: AIDraft | undefined;
    for (let i = 0; i < 200 && draft?.status !== "ready"; i++) {
      draft = (await api<{ drafts: AIDraft[] }>(testApp.url, "GET", drafts, { token: who.agent.token })).body.drafts[0];
      if (draft?.status !== "ready") await new Promise((r) => setTimeout(r, 50));
    }
    expect(draft).toMatchObject({ status: "ready", sentMessageId: null, messageId: visitor.messageId });
    expect(draft!.content.length).toBeGreaterThan(0);
    const accepted = await api<{ draft: AIDraft; message: Message }>(testApp.url, "POST", `${who.base}/drafts/${draft!.id}/accept`, { token: who.agent.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.message).toMatchObject({ senderType: "agent", content: draft!.content });
    const detail = await api<ConversationDetail>(testApp.url, "GET", `${who.base}/conversations/${visitor.conversationId}`, { token: who.agent.token });
    expect(detail.body.messages.filter((m) => m.messageType === "outgoing").map((m) => m.id)).toEqual([accepted.body.message.id]);
    expect(detail.body.latestDraft).toMatchObject({ id: draft!.id, status: "accepted" });
  });
});
