/** Keeps the visitor token: reuses the stored one, refreshes it before it expires or when the server rejects it. */
import type { VisitorTokenResponse } from "@hummdesk/shared";
import type { TokenSource } from "./api-client.ts";
import type { Persistence } from "./persistence.ts";

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

export interface TokenKeeper extends TokenSource {
  current(): VisitorTokenResponse | null;
  /** Takes a token another tab obtained. */
  adopt(token: VisitorTokenResponse | null): void;
  /** Keeps the token an identify or attributes call answered with (it carries the visitor's profile). */
  replace(token: VisitorTokenResponse): void;
  clear(): void;
}

export function createTokenKeeper(options: {
  issue: (previous?: string) => Promise<VisitorTokenResponse>;
  persistence: Persistence;
  now: () => number;
}): TokenKeeper {
  const { issue, persistence, now } = options;
  let token = persistence.read<VisitorTokenResponse>("token");
  let pending: Promise<string> | null = null;

  function set(next: VisitorTokenResponse | null, store: boolean): void {
    token = next;
    if (store) next ? persistence.write("token", next) : persistence.remove("token");
  }

  /** One request at a time: concurrent callers share it. */
  function obtain(previous?: string): Promise<string> {
    pending ??= issue(previous)
      .then((issued) => {
        set(issued, true);
        return issued.token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function fresh(candidate: VisitorTokenResponse | null): boolean {
    if (!candidate?.token) return false;
    const expiresAt = Date.parse(candidate.expiresAt);
    return Number.isNaN(expiresAt) || expiresAt - now() > REFRESH_BEFORE_EXPIRY_MS;
  }

  return {
    current: () => token,
    ensure: () => (token && fresh(token) ? Promise.resolve(token.token) : obtain(token?.token)),
    // Another request (or tab) may have refreshed already: then its token is the answer.
    refresh: (rejected) => (token && token.token !== rejected ? Promise.resolve(token.token) : obtain(rejected)),
    adopt: (next) => set(next, false),
    replace: (next) => set(next, true),
    clear: () => set(null, true),
  };
}
