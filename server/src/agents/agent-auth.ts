/** The agent API's guard: a valid access token of a live session, and membership (with a role)
 * in the account named by the route. A stranger to the account gets 404 and learns nothing. */
import type { Role } from "@hummdesk/shared";
import type { FastifyRequest } from "fastify";
import { TokenError, type TokenService } from "../auth/tokens.ts";
import type { Database } from "../db/client.ts";
import { HttpError, notFound, unauthorized } from "../http/http-error.ts";
import { assertAccountActive } from "../tenant/account-status.ts";
import { createTenantService, type TenantService } from "../tenant/tenant-service.ts";
import type { AuthService } from "./auth-service.ts";

export interface AgentContext {
  userId: number;
  accountId: number;
  role: Role;
  tenant: TenantService;
}

declare module "fastify" {
  interface FastifyRequest {
    agent?: AgentContext;
  }
}

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, administrator: 3 };

export function createAgentGuard(options: { db: Database; tokens: TokenService; auth: AuthService }) {
  const { db, tokens, auth } = options;

  async function verifyAccessToken(token: string | undefined): Promise<{ userId: number; sessionFamily: string }> {
    if (!token) throw unauthorized();
    try {
      const claims = await tokens.verifyAccess(token);
      if (!(await auth.isSessionActive(claims.sessionFamily))) throw new TokenError("the session has ended");
      return claims;
    } catch (error) {
      if (error instanceof TokenError) {
        throw new HttpError(401, error.expired ? "token_expired" : "unauthorized", error.expired ? "the access token has expired: refresh it" : "the access token is not valid: sign in again");
      }
      throw error;
    }
  }

  /** The user's membership of the account (null: a stranger); a member of an inactive account gets 403. */
  async function membership(userId: number, accountId: number): Promise<AgentContext | null> {
    const tenant = createTenantService(db, accountId);
    const member = await tenant.getMembership(userId);
    if (!member) return null;
    assertAccountActive(accountId, member.accountStatus);
    return { userId, accountId, role: member.role, tenant };
  }

  /** preHandler for `/api/v1/accounts/:accountId/...` routes, optionally requiring a role. */
  function requireMember(minimum: Role = "agent") {
    return async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      const claims = await verifyAccessToken(header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined);
      const accountId = Number((request.params as { accountId?: string }).accountId);
      const context = Number.isSafeInteger(accountId) && accountId > 0 ? await membership(claims.userId, accountId) : null;
      if (!context) throw notFound(`account ${(request.params as { accountId?: string }).accountId} not found`);
      if (RANK[context.role] < RANK[minimum]) throw new HttpError(403, "forbidden", `this needs the ${minimum} role; you are ${context.role}`);
      request.agent = context;
    };
  }

  return { verifyAccessToken, membership, requireMember };
}

export type AgentGuard = ReturnType<typeof createAgentGuard>;
