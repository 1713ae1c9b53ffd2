import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../test/fake-hummdesk-server.ts";
import { createApiClient, isRetryable } from "./api-client.ts";
import { createPersistence } from "./persistence.ts";
import { createTokenKeeper } from "./visitor-token.ts";

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

function client(websiteToken = "site-token") {
  const tokens = createTokenKeeper({ issue: (previous) => api.issueToken(previous), persistence: createPersistence(null, "x"), now: Date.now });
  const api = createApiClient({ baseUrl: `${server.baseUrl}/`, websiteToken, fetch, tokens });
  return { api, tokens };
}

describe("api client", () => {
  it("reads the public config without a token", async () => {
    const { api } = client();
    expect((await api.config()).inboxName).toBe("K-Rauta asiakaspalvelu");
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", path: "/inboxes/site-token/config", token: null });
  });

  it("says what the server said when it refuses", async () => {
    const { api } = client("nope");
    await expect(api.config()).rejects.toMatchObject({ status: 404, message: "no such inbox" });
  });

  it("sends the visitor token as a bearer header, never in the URL", async () => {
    const { api, tokens } = client();
    await api.history();
    const request = server.requests.at(-1)!;
    expect(request.token).toBe(tokens.current()?.token);
    expect(server.requests.some((r) => r.query.toString().includes("tok-"))).toBe(false);
  });

  it("refreshes the token once on a 401 and repeats the call", async () => {
    const { api, tokens } = client();
    await api.history();
    const before = tokens.current()!.token;
    server.expireTokens();
    await api.history({ after: 0 });
    expect(tokens.current()!.token).not.toBe(before);
    expect(server.requests.slice(-3).map((r) => [r.method, r.path])).toEqual([
      ["GET", "/messages"],
      ["POST", "/inboxes/site-token/visitors"],
      ["GET", "/messages"],
    ]);
  });

  it("asks for one conversation by id", async () => {
    const { api } = client();
    await api.history({ conversationId: 42 });
    expect(server.requests.at(-1)?.query.get("conversationId")).toBe("42");
  });
});

it.each([
  [new TypeError("fetch failed"), true],
  [Object.assign(new Error("x"), { status: 503 }), true],
  [Object.assign(new Error("x"), { status: 429 }), true],
  [Object.assign(new Error("x"), { status: 400 }), false],
  [Object.assign(new Error("x"), { status: 403 }), false],
])("isRetryable(%s) is %s", (error, expected) => {
  expect(isRetryable(error)).toBe(expected);
});
