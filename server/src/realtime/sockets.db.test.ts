/** Both websockets on a real server: the handshake, resume after a message id (exactly the missed
 * messages, in order, once), typing both ways, heartbeats that drop dead peers, backpressure. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const cmid = () => `cm_${Math.random().toString(36).slice(2, 12)}`;

async function visitorSocket(token: string) {
  const socket = await TestSocket.open(t.url, "/widget/v1/ws");
  socket.send({ type: "auth", token });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

async function agentSocket(accessToken: string, accountId: number) {
  const socket = await TestSocket.open(t.url, "/api/v1/ws");
  socket.send({ type: "auth", token: accessToken, accountId });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

describe("handshake", () => {
  test.each([
    ["a frame before auth", { type: "resume", after: 0 }, 1008],
    ["not JSON", "{nope", 1008],
    ["an unknown frame type", { type: "subscribe", conversationId: 1 }, 1008],
    ["a bad visitor token", { type: "auth", token: "forged" }, 1008],
  ])("%s closes the visitor socket with a reason", async (_name, frame, code) => {
    const socket = await TestSocket.open(t.url, "/widget/v1/ws");
    socket.send(frame);
    const closed = await socket.waitForClose();
    expect(closed.code).toBe(code);
    expect(closed.reason.length).toBeGreaterThan(0);
  });

  test("a frame over the size limit closes with 1009", async () => {
    const socket = await TestSocket.open(t.url, "/widget/v1/ws");
    socket.send({ type: "auth", token: "x".repeat(100_000) });
    expect((await socket.waitForClose()).code).toBe(1009);
  });

  test("an agent of another account cannot open K-Rauta's socket", async () => {
    const neighbour = await agentLogin(t.url, "elsa@tradgardsboden.example", "neighbour-agent-pw");
    const socket = await TestSocket.open(t.url, "/api/v1/ws");
    socket.send({ type: "auth", token: neighbour.accessToken, accountId: t.seeded.krauta.accountId });
    expect((await socket.waitForClose()).code).toBe(1008);
  });
});

describe("resume", () => {
  test("the server drops a visitor socket, three agent replies are sent, the visitor resumes with its last id: exactly those three, in order", async () => {
    const token = await visitorToken(t.url);
    const first = await api<{ message: { id: number; conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: cmid(), content: "Milloin tilaukseni tulee?" },
    });
    const socket = await visitorSocket(token);
    socket.send({ type: "resume", after: first.body.message.id });
    socket.ws.terminate();
    await socket.waitForClose();
    const agent = await agentLogin(t.url);
    const conversationId = first.body.message.conversationId;
    const replies: number[] = [];
    for (const content of ["Hei!", "Tilauksesi on matkalla.", "Se saapuu huomenna."]) {
      const reply = await api<{ message: { id: number } }>(t.url, "POST", `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/${conversationId}/messages`, {
        token: agent.accessToken,
        body: { content },
      });
      expect(reply.status).toBe(201);
      replies.push(reply.body.message.id);
    }
    const again = await visitorSocket(token);
    again.send({ type: "resume", after: first.body.message.id });
    await again.waitFor((f) => f.type === "message.created" && f.data.id === replies[2]);
    await new Promise((r) => setTimeout(r, 150));
    const received = again.frames.filter((f) => f.type === "message.created").map((f) => f.data.id);
    expect(received).toEqual(replies);
    again.close();
  });

  test("an agent socket resumes the account's missed messages, private notes included", async () => {
    const agent = await agentLogin(t.url);
    const token = await visitorToken(t.url);
    const sent = await api<{ message: { id: number; conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: cmid(), content: "Onko teillä terassiöljyä?" },
    });
    const note = await api<{ message: { id: number } }>(
      t.url,
      "POST",
      `/api/v1/accounts/${t.seeded.krauta.accountId}/conversations/${sent.body.message.conversationId}/messages`,
      { token: agent.accessToken, body: { content: "Tarkista varasto", private: true } },
    );
    const socket = await agentSocket(agent.accessToken, t.seeded.krauta.accountId);
    socket.send({ type: "resume", after: sent.body.message.id - 1 });
    await socket.waitFor((f) => f.type === "message.created" && f.data.id === note.body.message.id);
    const ids = socket.frames.filter((f) => f.type === "message.created").map((f) => f.data.id as number);
    expect(ids).toContain(sent.body.message.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    socket.close();
  });
});

describe("typing, heartbeat, backpressure", () => {
  test("typing travels visitor -> agents and agent -> visitor", async () => {
    const agent = await agentLogin(t.url);
    const token = await visitorToken(t.url);
    const sent = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: cmid(), content: "Hei" },
    });
    const visitor = await visitorSocket(token);
    const agentWs = await agentSocket(agent.accessToken, t.seeded.krauta.accountId);
    visitor.send({ type: "typing", on: true });
    const typing = await agentWs.waitFor((f) => f.type === "typing");
    expect(typing.data).toMatchObject({ conversationId: sent.body.message.conversationId, senderType: "contact", on: true });
    agentWs.send({ type: "typing", conversationId: sent.body.message.conversationId, on: true });
    const back = await visitor.waitFor((f) => f.type === "typing");
    expect(back.data).toMatchObject({ senderType: "agent", senderName: "Aino Virtanen", on: true });
    visitor.close();
    agentWs.close();
  });

  test("a peer that stops answering pings is dropped", async () => {
    const quick = await startTestApp({ heartbeatMs: 300 });
    try {
      const token = await visitorToken(quick.url);
      const socket = await TestSocket.open(quick.url, "/widget/v1/ws");
      socket.send({ type: "auth", token });
      await socket.waitFor((f) => f.type === "ready");
      const alive = await TestSocket.open(quick.url, "/widget/v1/ws");
      alive.send({ type: "auth", token });
      await alive.waitFor((f) => f.type === "ready");
      expect(quick.app.gateway.counts().visitors).toBe(2);
      // Stop reading: no pong ever comes back from this one.
      (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const start = Date.now();
      while (quick.app.gateway.counts().visitors > 1 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 700));
      // The dead peer is gone; the one answering pings stays.
      expect(quick.app.gateway.counts().visitors).toBe(1);
      alive.close();
    } finally {
      await quick.close();
    }
  });

  test("a client that does not read is closed instead of buffering without bound", async () => {
    const token = await visitorToken(t.url);
    const sent = await api<{ message: { conversationId: number } }>(t.url, "POST", "/widget/v1/messages", {
      token,
      body: { clientMessageId: cmid(), content: "Hei" },
    });
    const socket = await visitorSocket(token);
    (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const claims = await t.app.gateway.counts();
    expect(claims.visitors).toBeGreaterThan(0);
    const visitorId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sub as string;
    const text = "x".repeat(7000);
    for (let index = 0; index < 4000; index++) {
      await t.app.hub.publish({
        kind: "ai.answer.delta",
        accountId: t.seeded.krauta.accountId,
        inboxId: t.seeded.krauta.inboxId,
        conversationId: sent.body.message.conversationId,
        visitorId,
        draftId: 1,
        index,
        text,
        visitor: true,
      });
      if (index % 200 === 0) await t.app.gateway.drain();
    }
    await t.app.gateway.drain();
    (socket.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const closed = await socket.waitForClose(10_000);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain("too slow");
  });
});
