/** Playwright fixtures: one real server process per worker (fresh data dir), and API helpers. */
import { test as base, expect } from "@playwright/test";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

export const KRAUTA = { websiteToken: "krauta-storefront-demo", admin: { email: "admin@k-rauta.example", password: "hummdesk-admin" }, agentPassword: "hummdesk-agent" } as const;

export const test = base.extend<{ baseURL: string }, { server: ServerProcess }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
    async ({}, use) => {
      const server = await startServerProcess();
      await use(server);
      await server.dispose();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

export async function login(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return (await response.json()) as { accessToken: string; accounts: { id: number }[] };
}

export async function agentApi<T = unknown>(url: string, accessToken: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
