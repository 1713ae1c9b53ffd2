/** Agent sessions: password login, a short-lived access JWT, and a refresh token that rotates on
 * every use (stored hashed in `sessions`); reusing a rotated token revokes its whole family. The
 * app role has no access to `sessions` itself: every step is one SECURITY DEFINER function that
 * touches one token or one family. */
import { randomUUID } from "node:crypto";
import type { AuthTokens } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import { verifyPassword } from "../auth/password.ts";
import { ACCESS_TOKEN_TTL_SECONDS, hashToken, newRefreshToken, REFRESH_TOKEN_TTL_SECONDS, type TokenService } from "../auth/tokens.ts";
import { type Database, rowsOf } from "../db/client.ts";
import { HttpError } from "../http/http-error.ts";
import { findLogin, userAccounts } from "../tenant/system.ts";

const invalidLogin = () => new HttpError(401, "invalid_credentials", "email or password is wrong");
const invalidRefresh = () => new HttpError(401, "invalid_refresh_token", "the refresh token is not valid: sign in again");

// A hash to compare against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export interface AuthHooks {
  /** A session family was revoked (logout, a reused refresh token): its sockets must close. */
  onSessionEnded?(userId: number, sessionFamily: string): void;
}

export function createAuthService(db: Database, tokens: TokenService, hooks: AuthHooks = {}, options: { sessionMaxDays?: number } = {}) {
  const maxAgeMs = (options.sessionMaxDays ?? 30) * 86_400_000;

  /** A new refresh token of the family; neither it nor any rotation of it outlives `absoluteEnd`. */
  async function issue(
    user: { userId: number; email: string; name: string },
    familyId: string,
    userAgent: string | undefined,
    absoluteEnd: number,
  ): Promise<AuthTokens> {
    const refreshToken = newRefreshToken();
    const expiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000).toISOString();
    await db.execute(
      sql`select hummdesk_session_create(${user.userId}, ${hashToken(refreshToken)}, ${familyId}, ${expiresAt}::timestamptz, ${new Date(absoluteEnd).toISOString()}::timestamptz, ${userAgent ?? null})`,
    );
    const accessToken = await tokens.signAccess({ userId: user.userId, sessionFamily: familyId });
    const accounts = await userAccounts(db, user.userId);
    return {
      accessToken,
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: { id: user.userId, email: user.email, name: user.name },
      accounts: accounts.map((a) => ({ id: a.accountId, name: a.name, subdomain: a.subdomain, role: a.role })),
    };
  }

  return {
    async login(email: string, password: string, userAgent?: string): Promise<AuthTokens> {
      const login = await findLogin(db, email);
      const ok = await verifyPassword(password, login?.passwordHash ?? DUMMY_HASH);
      if (!login || !ok) throw invalidLogin();
      return issue(login, randomUUID(), userAgent, Date.now() + maxAgeMs);
    },

    async refresh(refreshToken: string, userAgent?: string): Promise<AuthTokens> {
      const rows = rowsOf<{ outcome: string; user_id: number | string | null; family_id: string | null; absolute_expires_at: string | Date | null }>(
        await db.execute(sql`select * from hummdesk_session_rotate(${hashToken(refreshToken)})`),
      );
      const session = rows[0];
      if (session?.outcome !== "ok") {
        // A rotated token used again: somebody holds a copy, and the function ended the family.
        if (session?.outcome === "reused") hooks.onSessionEnded?.(Number(session.user_id), String(session.family_id));
        throw invalidRefresh();
      }
      const userId = Number(session.user_id);
      const accounts = await userAccounts(db, userId);
      if (accounts.length === 0) throw invalidRefresh();
      const user = await findLoginById(db, userId);
      const absoluteEnd = session.absolute_expires_at instanceof Date ? session.absolute_expires_at.getTime() : Date.parse(String(session.absolute_expires_at));
      return issue(user, String(session.family_id), userAgent, absoluteEnd);
    },

    async logout(refreshToken: string): Promise<void> {
      const rows = rowsOf<{ user_id: number | string; family_id: string }>(await db.execute(sql`select * from hummdesk_session_end(${hashToken(refreshToken)})`));
      const ended = rows[0];
      if (ended) hooks.onSessionEnded?.(Number(ended.user_id), ended.family_id);
    },

    /** Whether an access token's session family is still alive (logout revokes it at once). */
    isSessionActive: (familyId: string) => isSessionFamilyActive(db, familyId),
  };
}

/** Whether a session family has a token not yet revoked (the realtime gateway asks too, after a
 * lost LISTEN connection). */
export async function isSessionFamilyActive(db: Database, familyId: string): Promise<boolean> {
  const rows = rowsOf<{ active: boolean }>(await db.execute(sql`select hummdesk_session_active(${familyId}) as active`));
  return rows[0]?.active === true;
}

async function findLoginById(db: Database, userId: number) {
  const rows = rowsOf<{ email: string; name: string }>(await db.execute(sql`select email, name from hummdesk_find_login_by_id(${userId})`));
  const row = rows[0];
  if (!row) throw invalidRefresh();
  return { userId, email: row.email, name: row.name };
}

export type AuthService = ReturnType<typeof createAuthService>;
