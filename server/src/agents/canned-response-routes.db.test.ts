/** Canned responses through the real server: supervisors write, every agent reads, codes unique per account. */
import type { CannedResponse } from "@hummdesk/shared";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api, startTestApp, type TestApp } from "../../test/test-app.ts";
import { expectOnlyError, type SignedIn, signIn } from "./agent-test-kit.ts";

let testApp: TestApp;
let who: SignedIn;
beforeAll(async () => {
  testApp = await startTestApp({ ai: { workers: 0 } });
  who = await signIn(testApp);
});
afterAll(async () => {
  await testApp.close();
});

const call = <T>(method: string, path: string, token: string, body?: unknown) =>
  api<T>(testApp.url, method, `${who.base}${path}`, { token, ...(body !== undefined ? { body } : {}) });

test("the demo seed gives K-Rauta's agents canned responses in Finnish, Swedish and English", async () => {
  const listed = await call<{ cannedResponses: CannedResponse[] }>("GET", "/canned-responses", who.agent.token);
  expect(listed.body.cannedResponses.map((c) => c.shortCode).sort()).toEqual(["palautus", "retur", "thanks", "toimitus"]);
});

test("a supervisor creates, edits and deletes; agents read; duplicates, bad codes and other accounts are refused", async () => {
  const created = await call<{ cannedResponse: CannedResponse }>("POST", "/canned-responses", who.supervisor.token, {
    shortCode: "kuitti",
    content: "Kuitin kopion saat myymälän asiakaspalvelusta.",
  });
  expect(created.status).toBe(201);
  const id = created.body.cannedResponse.id;

  const listed = await call<{ cannedResponses: CannedResponse[] }>("GET", "/canned-responses", who.agent.token);
  expect(listed.body.cannedResponses.map((c) => c.shortCode)).toContain("kuitti");

  const byAgent = await call("POST", "/canned-responses", who.agent.token, { shortCode: "x", content: "y" });
  expect(byAgent.status).toBe(403);
  const duplicate = await call("POST", "/canned-responses", who.admin.token, { shortCode: "kuitti", content: "toinen" });
  expect(duplicate.status).toBe(409);
  expectOnlyError(duplicate.body);
  const spaced = await call("POST", "/canned-responses", who.admin.token, { shortCode: "two words", content: "z" });
  expect(spaced.status).toBe(400);

  const stranger = await api(testApp.url, "GET", `/api/v1/accounts/${who.neighbour}/canned-responses`, { token: who.stranger.token });
  expect(stranger.status).toBe(200);
  expect((stranger.body as { cannedResponses: unknown[] }).cannedResponses).toEqual([]);
  const foreign = await api(testApp.url, "DELETE", `/api/v1/accounts/${who.neighbour}/canned-responses/${id}`, { token: who.stranger.token });
  expect(foreign.status).toBe(404);

  const edited = await call<{ cannedResponse: CannedResponse }>("PATCH", `/canned-responses/${id}`, who.supervisor.token, { content: "Palautusaika on 30 päivää." });
  expect(edited.body.cannedResponse).toMatchObject({ shortCode: "kuitti", content: "Palautusaika on 30 päivää." });
  expect((await call("DELETE", `/canned-responses/${id}`, who.supervisor.token)).status).toBe(204);
  expect((await call("DELETE", `/canned-responses/${id}`, who.supervisor.token)).status).toBe(404);
});
