/** Sign-in, refresh and sign-out of agents (`/api/v1/auth`). */
import { AuthTokens, ErrorBody, LoginRequest, LogoutRequest, RefreshRequest } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { limitBy, type RateLimits } from "../http/rate-limits.ts";
import type { AuthService } from "./auth-service.ts";

const errors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };

export async function authRoutes(app: FastifyInstance, options: { auth: AuthService; limits: RateLimits }) {
  const { auth, limits } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Separate buckets: a client refreshing often cannot lock out sign-in, nor guessing passwords refreshes.
  const loginPerIp = limitBy(app, limits.login, (req) => `login:${req.ip}`);
  const refreshPerIp = limitBy(app, limits.refresh, (req) => `refresh:${req.ip}`);

  r.post(
    "/api/v1/auth/login",
    { schema: { tags: ["auth"], body: LoginRequest, response: { 200: AuthTokens, ...errors } }, preHandler: loginPerIp, bodyLimit: 4096 },
    async (request) => auth.login(request.body.email, request.body.password, request.headers["user-agent"]),
  );
  r.post(
    "/api/v1/auth/refresh",
    { schema: { tags: ["auth"], body: RefreshRequest, response: { 200: AuthTokens, ...errors } }, preHandler: refreshPerIp, bodyLimit: 4096 },
    async (request) => auth.refresh(request.body.refreshToken, request.headers["user-agent"]),
  );
  r.post(
    "/api/v1/auth/logout",
    { schema: { tags: ["auth"], body: LogoutRequest, response: { 204: z.null(), ...errors } }, preHandler: refreshPerIp, bodyLimit: 4096 },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
}
