/** Agent sessions: password login, a short-lived access JWT, and a refresh token that rotates on
 * every use (stored hashed in `sessions`); reusing a rotated token revokes its whole family. */
import { randomUUID } from "node:crypto";
import type { AuthTokens } from "@hummdesk/shared";
import { and, eq, isNull, sql } from "drizzle-orm";
import { verifyPassword } from "../auth/password.ts";
import { ACCESS_TOKEN_TTL_SECONDS, hashToken, newRefreshToken, REFRESH_TOKEN_TTL_SECONDS, type TokenService } from "../auth/tokens.ts";
import { type Database, rowsOf } from "../db/client.ts";
import { sessions } from "../db/schema.ts";
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
    await db.insert(sessions).values({
      userId: user.userId,
      tokenHash: hashToken(refreshToken),
      familyId,
      expiresAt: new Date(Math.min(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000, absoluteEnd)).toISOString(),
      absoluteExpiresAt: new Date(absoluteEnd).toISOString(),
      userAgent: userAgent?.slice(0, 255) ?? null,
    });
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
      const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(refreshToken)));
      if (!session) throw invalidRefresh();
      if (session.revokedAt) {
        // A rotated token used again: somebody holds a copy. End every session of the family.
        await db.update(sessions).set({ revokedAt: new Date().toISOString() }).where(and(eq(sessions.familyId, session.familyId), isNull(sessions.revokedAt)));
        hooks.onSessionEnded?.(session.userId, session.familyId);
        throw invalidRefresh();
      }
      if (Date.parse(session.expiresAt) < Date.now() || Date.parse(session.absoluteExpiresAt) < Date.now()) throw invalidRefresh();
      const revoked = await db
        .update(sessions)
        .set({ revokedAt: new Date().toISOString() })
        .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      if (revoked.length === 0) throw invalidRefresh();
      const accounts = await userAccounts(db, session.userId);
      if (accounts.length === 0) throw invalidRefresh();
      const user = await findLoginById(db, session.userId);
      return issue(user, session.familyId, userAgent, Date.parse(session.absoluteExpiresAt));
    },

    async logout(refreshToken: string): Promise<void> {
      const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(refreshToken)));
      if (!session) return;
      await db.update(sessions).set({ revokedAt: new Date().toISOString() }).where(and(eq(sessions.familyId, session.familyId), isNull(sessions.revokedAt)));
      hooks.onSessionEnded?.(session.userId, session.familyId);
    },

    /** Whether an access token's session family is still alive (logout revokes it at once). */
    async isSessionActive(familyId: string): Promise<boolean> {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)))
        .limit(1);
      return rows.length > 0;
    },
  };
}

async function findLoginById(db: Database, userId: number) {
  const rows = rowsOf<{ email: string; name: string }>(await db.execute(sql`select email, name from hummdesk_find_login_by_id(${userId})`));
  const row = rows[0];
  if (!row) throw invalidRefresh();
  return { userId, email: row.email, name: row.name };
}

export type AuthService = ReturnType<typeof createAuthService>;
