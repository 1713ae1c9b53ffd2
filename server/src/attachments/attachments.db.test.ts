/** Files on messages, as a visitor and an agent use them and as an attacker would try them: the
 * type is read from the bytes, the size is limited, only the uploader can send an upload (once),
 * the file is served only once it is on a message, with headers that keep a browser from running it. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agentLogin, api, startTestApp, type TestApp, TestSocket, visitorToken } from "../../test/test-app.ts";

// A 1×1 PNG and a one-page PDF, byte for byte.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { HUMMDESK_ATTACHMENT_MAX_BYTES: "4096" } });
});
afterAll(async () => {
  await t.close();
});

type Uploaded = { attachment: { id: string; name: string; contentType: string; size: number; url: string }; error?: { code: string; message: string } };

async function upload(path: string, token: string, name: string, bytes: Buffer, contentType = "application/octet-stream") {
  const response = await fetch(`${t.url}${path}?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as Uploaded };
}
const visitorUpload = (token: string, name: string, bytes: Buffer, contentType?: string) => upload("/widget/v1/attachments", token, name, bytes, contentType);
const send = (token: string, body: Record<string, unknown>) =>
  api<{ message: { id: number; conversationId: number; attachment?: Uploaded["attachment"] | null }; created: boolean }>(t.url, "POST", "/widget/v1/messages", { token, body });

describe("a visitor attaches a file", () => {
  test("an image: stored, sent with a message, seen by the agent, live on the desk socket, served with safe headers", async () => {
    const token = await visitorToken(t.url);
    const agent = await agentLogin(t.url);
    const accountId = t.seeded.krauta.accountId;
    const desk = await TestSocket.open(t.url, "/api/v1/ws");
    desk.send({ type: "auth", token: agent.accessToken, accountId });
    await desk.waitFor((f) => f.type === "ready");

    // The browser says text/plain: the bytes say PNG, and the bytes decide.
    const uploaded = await visitorUpload(token, "../../etc/kuitti.png", PNG, "text/plain");
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment).toMatchObject({ name: "kuitti.png", contentType: "image/png", size: PNG.length });
    expect(uploaded.body.attachment.url).toBe(`/files/${accountId}/${uploaded.body.attachment.id}/kuitti.png`);
    // Not on a message yet: not served.
    expect((await fetch(`${t.url}${uploaded.body.attachment.url}`)).status).toBe(404);

    const sent = await send(token, { clientMessageId: "attach-image-1", content: "Tässä kuva kuitista", attachmentId: uploaded.body.attachment.id });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachment).toMatchObject({ id: uploaded.body.attachment.id, contentType: "image/png" });
    const live = await desk.waitFor((f) => f.type === "message.created" && f.data.id === sent.body.message.id);
    expect((live.data.attachment as { url: string }).url).toBe(uploaded.body.attachment.url);

    // A retry of the same send is the same message; the file cannot go on a second one.
    const retry = await send(token, { clientMessageId: "attach-image-1", content: "Tässä kuva kuitista", attachmentId: uploaded.body.attachment.id });
    expect(retry.status).toBe(200);
    expect(retry.body.created).toBe(false);
    const again = await send(token, { clientMessageId: "attach-image-2", content: "Uudestaan", attachmentId: uploaded.body.attachment.id });
    expect(again.status).toBe(404);

    const detail = await api<{ messages: { id: number; attachment: Uploaded["attachment"] | null }[] }>(
      t.url,
      "GET",
      `/api/v1/accounts/${accountId}/conversations/${sent.body.message.conversationId}`,
      { token: agent.accessToken },
    );
    expect(detail.body.messages.find((m) => m.id === sent.body.message.id)?.attachment?.name).toBe("kuitti.png");

    const file = await fetch(`${t.url}${uploaded.body.attachment.url}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''kuitti.png");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
    // The address is the permission: another account's number or a guessed id finds nothing.
    expect((await fetch(`${t.url}/files/${t.seeded.neighbour.accountId}/${uploaded.body.attachment.id}/kuitti.png`)).status).toBe(404);
    expect((await fetch(`${t.url}/files/${accountId}/${"A".repeat(24)}/kuitti.png`)).status).toBe(404);
    expect((await fetch(`${t.url}/files/${accountId}/..%2F..%2Fsecret/x`)).status).toBe(400);
    desk.close();
  });

  test("what is not an image or a PDF, is empty or too large gets a clear 4xx; another visitor cannot send my upload", async () => {
    const token = await visitorToken(t.url);
    const html = Buffer.from("<html><script>alert(document.cookie)</script></html>");
    const disguised = await visitorUpload(token, "kuva.png", html, "image/png");
    expect(disguised.status).toBe(415);
    expect(disguised.body.error?.message).toMatch(/image\/png, image\/jpeg/);
    expect((await visitorUpload(token, "svg.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "image/svg+xml")).status).toBe(415);
    expect((await visitorUpload(token, "tyhjä.png", Buffer.alloc(0))).status).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(5000)]);
    expect((await visitorUpload(token, "iso.png", big)).status).toBe(413);
    // JSON is bytes here too, not a body to parse.
    expect((await visitorUpload(token, "data.json", Buffer.from('{"a":1}'), "application/json")).status).toBe(415);
    expect((await fetch(`${t.url}/widget/v1/attachments?name=x.png`, { method: "POST", body: new Uint8Array(PNG) })).status).toBe(401);
    expect((await visitorUpload(token, "", PNG)).status).toBe(400);

    const pdf = await visitorUpload(token, "lasku.pdf", PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body.attachment.contentType).toBe("application/pdf");
    const stranger = await visitorToken(t.url);
    expect((await send(stranger, { clientMessageId: "attach-stolen-1", content: "minun", attachmentId: pdf.body.attachment.id })).status).toBe(404);
    expect((await send(token, { clientMessageId: "attach-bad-id-1", content: "x", attachmentId: "../../x" })).status).toBe(400);
    const mine = await send(token, { clientMessageId: "attach-pdf-1", content: "lasku.pdf", attachmentId: pdf.body.attachment.id });
    expect(mine.status).toBe(201);
    const file = await fetch(`${t.url}${pdf.body.attachment.url}`);
    expect(file.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''lasku.pdf");
  });
});

describe("an agent attaches a file", () => {
  test("to a reply the visitor sees it; to a private note the visitor never does", async () => {
    const token = await visitorToken(t.url);
    const agent = await agentLogin(t.url);
    const accountId = t.seeded.krauta.accountId;
    const first = await send(token, { clientMessageId: "agent-attach-0", content: "Saisinko asennusohjeen?" });
    const conversationId = first.body.message.conversationId;
    const path = `/api/v1/accounts/${accountId}/attachments`;

    const visitorSocket = await TestSocket.open(t.url, "/widget/v1/ws");
    visitorSocket.send({ type: "auth", token });
    await visitorSocket.waitFor((f) => f.type === "ready");

    const guide = await upload(path, agent.accessToken, "asennusohje.pdf", PDF);
    expect(guide.status).toBe(201);
    const reply = await api<{ message: { id: number; attachment: Uploaded["attachment"] | null } }>(t.url, "POST", `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: agent.accessToken,
      body: { content: "Tässä ohje.", attachmentId: guide.body.attachment.id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.message.attachment?.name).toBe("asennusohje.pdf");
    const live = await visitorSocket.waitFor((f) => f.type === "message.created" && f.data.id === reply.body.message.id);
    expect((live.data.attachment as { contentType: string }).contentType).toBe("application/pdf");

    const secret = await upload(path, agent.accessToken, "sisainen.png", PNG);
    const note = await api<{ message: { id: number } }>(t.url, "POST", `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: agent.accessToken,
      body: { content: "Sisäinen huomio", private: true, attachmentId: secret.body.attachment.id },
    });
    expect(note.status).toBe(201);
    const history = await api<{ messages: { id: number; attachment?: { id: string } | null }[] }>(t.url, "GET", "/widget/v1/messages", { token });
    expect(history.body.messages.map((m) => m.id)).toContain(reply.body.message.id);
    expect(history.body.messages.map((m) => m.id)).not.toContain(note.body.message.id);
    expect(JSON.stringify(history.body)).not.toContain(secret.body.attachment.id);

    // A visitor token cannot upload as an agent; an agent of another account gets 404.
    expect((await upload(path, token, "x.png", PNG)).status).toBe(401);
    const elsa = await agentLogin(t.url, "elsa@tradgardsboden.example", "neighbour-agent-pw");
    expect((await upload(path, elsa.accessToken, "x.png", PNG)).status).toBe(404);
    // Another agent's upload is not mine to send.
    const mikko = await agentLogin(t.url, "mikko@k-rauta.example");
    const theirs = await upload(path, mikko.accessToken, "mikon.png", PNG);
    const stolen = await api(t.url, "POST", `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: agent.accessToken,
      body: { content: "Varastettu", attachmentId: theirs.body.attachment.id },
    });
    expect(stolen.status).toBe(404);
    visitorSocket.close();
  });
});
