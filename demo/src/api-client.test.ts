import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, type TokenStorage } from "./api-client.ts";

function memoryStorage(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-token-number-${n}`,
  expiresIn: 900,
  user: { id: 7, email: "aino@k-rauta.example", name: "Aino" },
  accounts: [{ id: 3, name: "K-Rauta", subdomain: "k-rauta", role: "agent" as const }],
});

const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A server whose valid access tokens the test controls; records every call. */
function fakeServer() {
  const valid = new Set<string>();
  let issued = 0;
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const auth = new Headers(init?.headers).get("authorization");
    calls.push(`${init?.method} ${url} ${auth ?? "-"}`);
    if (url.endsWith("/auth/login") || url.endsWith("/auth/refresh")) {
      if (url.endsWith("/auth/refresh") && !JSON.parse(String(init?.body)).refreshToken.endsWith(String(issued))) {
        return reply(401, { error: { code: "invalid_refresh_token", message: "refresh token revoked" } });
      }
      issued += 1;
      valid.add(`access-${issued}`);
      return reply(200, tokens(issued));
    }
    if (!auth || !valid.has(auth.replace("Bearer ", ""))) return reply(401, { error: { code: "unauthorized", message: "expired" } });
    if (url.includes("/inboxes/1") && init?.method === "PATCH") {
      return reply(400, { error: { code: "validation_error", message: "color: a colour is #rrggbb", details: [{ path: ["color"], message: "bad" }] } });
    }
    return reply(200, { inboxes: [] });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, valid, calls };
}

describe("api client tokens", () => {
  it("keeps the access token in memory and only the refresh token in storage", async () => {
    const storage = memoryStorage();
    const api = createApiClient({ storageKey: "k", storage, fetch: fakeServer().fetch });
    await api.login("aino@k-rauta.example", "pw");
    expect(api.accessToken).toBe("access-1");
    expect(JSON.parse(storage.items.get("k")!)).toEqual({ refreshToken: "refresh-token-number-1", accountId: 3 });
    expect([...storage.items.values()].join()).not.toContain("access-1");
  });

  it("refreshes once on 401 and repeats the call with the new token", async () => {
    const server = fakeServer();
    const api = createApiClient({ storageKey: "k", storage: memoryStorage(), fetch: server.fetch });
    await api.login("a@b.fi", "pw");
    server.valid.clear();
    await expect(api.listInboxes()).resolves.toEqual({ inboxes: [] });
    expect(server.calls.slice(1)).toEqual([
      "GET /api/v1/accounts/3/inboxes Bearer access-1",
      "POST /api/v1/auth/refresh -",
      "GET /api/v1/accounts/3/inboxes Bearer access-2",
    ]);
  });

  it("shares one refresh between calls that fail together", async () => {
    const server = fakeServer();
    const api = createApiClient({ storageKey: "k", storage: memoryStorage(), fetch: server.fetch });
    await api.login("a@b.fi", "pw");
    server.valid.clear();
    await Promise.all([api.listInboxes(), api.listTeams(), api.listAgents()]);
    expect(server.calls.filter((call) => call.includes("/auth/refresh"))).toHaveLength(1);
  });

  it("signs out when the refresh is refused, and says so", async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const onSignedOut = vi.fn();
    const api = createApiClient({ storageKey: "k", storage, fetch: server.fetch, onSignedOut });
    await api.login("a@b.fi", "pw");
    storage.setItem("k", JSON.stringify({ refreshToken: "revoked-refresh-token-x", accountId: 3 }));
    server.valid.clear();
    await expect(api.listInboxes()).rejects.toMatchObject({ status: 401 });
    expect(onSignedOut).toHaveBeenCalledOnce();
    expect(storage.items.has("k")).toBe(false);
    expect(api.accessToken).toBeNull();
  });

  it("resumes a session after a reload from the stored refresh token alone", async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    await createApiClient({ storageKey: "k", storage, fetch: server.fetch }).login("a@b.fi", "pw");
    const reloaded = createApiClient({ storageKey: "k", storage, fetch: server.fetch });
    expect(reloaded.hasStoredSession).toBe(true);
    expect(await reloaded.resume()).toBe(true);
    expect(reloaded.user?.name).toBe("Aino");
    expect(reloaded.accountId).toBe(3);
  });

  it("reports the server's error message and details, and a network failure without signing out", async () => {
    const server = fakeServer();
    const onSignedOut = vi.fn();
    const api = createApiClient({ storageKey: "k", storage: memoryStorage(), fetch: server.fetch, onSignedOut });
    await api.login("a@b.fi", "pw");
    const failure = await api.updateInbox(1, { color: "red" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: "validation_error", message: "color: a colour is #rrggbb", details: [{ path: ["color"] }] });

    const offline = createApiClient({ storageKey: "k", storage: memoryStorage(), fetch: () => Promise.reject(new TypeError("Failed to fetch")), onSignedOut });
    await expect(offline.login("a@b.fi", "pw")).rejects.toMatchObject({ status: 0, code: "network" });
    expect(onSignedOut).not.toHaveBeenCalled();
  });
});
