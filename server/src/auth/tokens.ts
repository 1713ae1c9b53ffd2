/** Signed tokens: visitor tokens and agent access tokens are JWTs (HS256, keys derived from
 * HUMMDESK_SECRET per purpose); refresh tokens are random and stored only as a hash. */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { createTtlCache } from "../cache/ttl-cache.ts";

export const VISITOR_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 30;
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 15;
export const REFRESH_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 14;
/** A verified visitor token is trusted again without re-verifying for this long (never past its expiry). */
export const VERIFIED_TOKEN_CACHE_MS = 10_000;

/** What a visitor said about themselves before a contact row exists (page views write nothing). */
export interface VisitorProfile {
  identifier?: string;
  /** Set only when identify came with a valid identifierHash for the token's inbox. */
  identifierVerified?: boolean;
  name?: string;
  email?: string;
  customAttributes?: Record<string, string | number | boolean | null>;
}

export interface VisitorClaims {
  accountId: number;
  inboxId: number;
  visitorId: string;
  profile?: VisitorProfile;
}

export interface AccessClaims {
  userId: number;
  sessionFamily: string;
}

export class TokenError extends Error {
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
  }
}

export function createTokenService(secret: string) {
  const key = (purpose: string) => createHmac("sha256", secret).update(`hummdesk:${purpose}`).digest();
  const visitorKey = key("visitor-token");
  const accessKey = key("access-token");
  const verifiedVisitors = createTtlCache<string, VisitorClaims>(VERIFIED_TOKEN_CACHE_MS, 20_000);

  async function verify(token: string, secretKey: Uint8Array, audience: string) {
    try {
      const { payload } = await jwtVerify(token, secretKey, { algorithms: ["HS256"], audience, issuer: "hummdesk" });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenError("the token has expired", true);
      throw new TokenError("the token is not valid");
    }
  }

  return {
    async signVisitor(claims: VisitorClaims): Promise<{ token: string; expiresAt: string }> {
      const exp = Math.floor(Date.now() / 1000) + VISITOR_TOKEN_TTL_SECONDS;
      const profile = claims.profile && Object.keys(claims.profile).length > 0 ? { pro: claims.profile } : {};
      const token = await new SignJWT({ acc: claims.accountId, inb: claims.inboxId, ...profile })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(claims.visitorId)
        .setIssuer("hummdesk")
        .setAudience("visitor")
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(visitorKey);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },

    async verifyVisitor(token: string): Promise<VisitorClaims> {
      const cached = verifiedVisitors.get(token);
      if (cached) return cached;
      const payload = await verify(token, visitorKey, "visitor");
      const accountId = Number(payload.acc);
      const inboxId = Number(payload.inb);
      if (!payload.sub || !Number.isSafeInteger(accountId) || !Number.isSafeInteger(inboxId)) throw new TokenError("the token is not valid");
      const profile = payload.pro && typeof payload.pro === "object" ? (payload.pro as VisitorProfile) : undefined;
      const claims: VisitorClaims = { accountId, inboxId, visitorId: payload.sub, ...(profile ? { profile } : {}) };
      verifiedVisitors.set(token, claims, payload.exp === undefined ? undefined : payload.exp * 1000);
      return claims;
    },

    async signAccess(claims: AccessClaims): Promise<string> {
      return new SignJWT({ fam: claims.sessionFamily })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(claims.userId))
        .setIssuer("hummdesk")
        .setAudience("agent")
        .setIssuedAt()
        .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
        .sign(accessKey);
    },

    async verifyAccess(token: string): Promise<AccessClaims> {
      const payload = await verify(token, accessKey, "agent");
      const userId = Number(payload.sub);
      if (!Number.isSafeInteger(userId) || typeof payload.fam !== "string") throw new TokenError("the token is not valid");
      return { userId, sessionFamily: payload.fam };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

export const newRefreshToken = () => randomBytes(32).toString("base64url");
export const newVisitorId = () => randomBytes(16).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The identifier hash a merchant's server computes: HMAC-SHA256(identifier, inbox secret), hex. */
export const identifierHash = (identifier: string, inboxSecret: string) => createHmac("sha256", inboxSecret).update(identifier).digest("hex");
