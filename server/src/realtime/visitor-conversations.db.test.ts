/** A visitor's socket carries every conversation of theirs in the token's inbox, not only the
 * latest: an agent who reopens an older conversation and replies there reaches the open widget
 * live, and each frame names its conversation so the widget can show where the reply went. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

test("a reply in a reopened older conversation reaches the visitor's socket, naming that conversation", async () => {
  const token = await visitorToken(t.url);
  const agent = await agentLogin(t.url);
  const base = `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations`;
  const first = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: "older-conversation-1", content: "Tilaus 1234 on myöhässä" },
  });
  const older = first.body.message.conversationId;
  expect((await api(t.url, "POST", `${base}/${older}/status`, { token: agent.accessToken, body: { status: "resolved" } })).status).toBe(200);

  const second = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: "newer-conversation-1", content: "Toinen kysymys: onko maalia?" },
  });
  const newer = second.body.message.conversationId;
  expect(newer).not.toBe(older);

  const visitor = await TestSocket.open(t.url, "/widget/v1/ws");
  visitor.send({ type: "auth", token });
  await visitor.waitFor((f) => f.type === "ready");

  expect((await api(t.url, "POST", `${base}/${older}/status`, { token: agent.accessToken, body: { status: "open" } })).status).toBe(200);
  const reopened = await visitor.waitFor((f) => f.type === "conversation.updated" && f.data.id === older);
  expect(reopened.data.status).toBe("open");

  const reply = await api<{ message: { id: number } }>(t.url, "POST", `${base}/${older}/messages`, {
    token: agent.accessToken,
    body: { content: "Tilauksesi 1234 lähti tänään." },
  });
  expect(reply.status).toBe(201);
  const live = await visitor.waitFor((f) => f.type === "message.created" && f.data.id === reply.body.message.id);
  expect(live.data.conversationId).toBe(older);

  // And the newer conversation keeps working on the same socket.
  const other = await api<{ message: { id: number } }>(t.url, "POST", `${base}/${newer}/messages`, {
    token: agent.accessToken,
    body: { content: "Kyllä on." },
  });
  const alsoLive = await visitor.waitFor((f) => f.type === "message.created" && f.data.id === other.body.message.id);
  expect(alsoLive.data.conversationId).toBe(newer);
  visitor.close();
});

test("a visitor socket never carries a conversation of another inbox", async () => {
  const token = await visitorToken(t.url);
  const sent = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
    token,
    body: { clientMessageId: "inbox-scope-1", content: "Hei" },
  });
  const visitorId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sub as string;
  const visitor = await TestSocket.open(t.url, "/widget/v1/ws");
  visitor.send({ type: "auth", token });
  await visitor.waitFor((f) => f.type === "ready");
  // The same visitor id, but a conversation of some other inbox of the account.
  await t.app.hub.publish({
    kind: "ai.answer.delta",
    accountId: t.seeded.krauta.accountId,
    inboxId: t.seeded.krauta.inboxId + 10_000,
    conversationId: sent.body.message.conversationId,
    visitorId,
    draftId: 1,
    index: 0,
    text: "toisen postilaatikon teksti",
    visitor: true,
  });
  await t.app.hub.publish({
    kind: "ai.answer.delta",
    accountId: t.seeded.krauta.accountId,
    inboxId: t.seeded.krauta.inboxId,
    conversationId: sent.body.message.conversationId,
    visitorId,
    draftId: 1,
    index: 1,
    text: "oman postilaatikon teksti",
    visitor: true,
  });
  await visitor.waitFor((f) => f.type === "ai.answer.delta" && f.data.index === 1);
  expect(visitor.frames.filter((f) => f.type === "ai.answer.delta").map((f) => f.data.text)).toEqual(["oman postilaatikon teksti"]);
  visitor.close();
});
