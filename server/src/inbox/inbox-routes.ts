/** The visitor-side web-channel API (`/widget/v1`): the website token is public, everything else
 * is authorised by a visitor token in the Authorization header (never in a URL). */
import {
  ErrorBody,
  HandoffRequest,
  HandoffResponse,
  IdentifyRequest,
  RatingRequest,
  RatingResponse,
  SendMessageRequest,
  SendMessageResponse,
  SetAttributesRequest,
  UploadAttachmentQuery,
  UploadAttachmentResponse,
  VisitorHistoryResponse,
  VisitorMessagesQuery,
  VisitorTokenRequest,
  VisitorTokenResponse,
  WidgetConfig,
} from "@hummdesk/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptRawBodies, saveUpload, type UploadLimits } from "../attachments/attachment-uploads.ts";
import type { VisitorClaims } from "../auth/tokens.ts";
import type { InboxCache } from "../cache/inbox-cache.ts";
import type { Database } from "../db/client.ts";
import { forbidden } from "../http/http-error.ts";
import { isOriginAllowed } from "../http/origins.ts";
import { limitBy, type RateLimits } from "../http/rate-limits.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import type { VisitorService } from "./visitor-service.ts";

const WebsiteTokenParams = z.object({ websiteToken: z.string().min(1).max(128) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody };

declare module "fastify" {
  interface FastifyRequest {
    visitor?: VisitorClaims;
  }
}

const bearer = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
};

export async function inboxRoutes(
  app: FastifyInstance,
  options: { visitors: VisitorService; inboxes: InboxCache; limits: RateLimits; db: Database; uploads: UploadLimits },
) {
  const { visitors, inboxes, limits, db, uploads } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Allowed origins come from the briefly cached inbox: a browser on another origin gets 403.
  async function allowedOrigins(accountId: number, inboxId: number): Promise<string[]> {
    return (await inboxes.byId(accountId, inboxId))?.allowedOrigins ?? [];
  }
  async function checkOrigin(request: FastifyRequest, accountId: number, inboxId: number) {
    const origin = request.headers.origin;
    if (!isOriginAllowed(await allowedOrigins(accountId, inboxId), origin)) {
      throw forbidden(`origin '${origin}' is not allowed for this inbox: add it to the inbox's allowed origins`);
    }
  }

  const perIp = (max: number) => limitBy(app, max, (req) => `ip:${req.ip}`);
  const authenticated = async (request: FastifyRequest) => {
    request.visitor = await visitors.authenticate(bearer(request));
    await checkOrigin(request, request.visitor.accountId, request.visitor.inboxId);
  };
  const visitorPreHandlers = [perIp(limits.visitorIp), authenticated];

  r.get(
    "/widget/v1/inboxes/:websiteToken/config",
    { schema: { tags: ["visitor"], params: WebsiteTokenParams, response: { 200: WidgetConfig, ...errors } }, preHandler: perIp(limits.publicIp) },
    async (request) => visitors.config(request.params.websiteToken),
  );

  r.post(
    "/widget/v1/inboxes/:websiteToken/visitors",
    {
      schema: { tags: ["visitor"], params: WebsiteTokenParams, body: VisitorTokenRequest.optional(), response: { 200: VisitorTokenResponse, ...errors } },
      preHandler: [
        perIp(limits.publicIp),
        limitBy(app, limits.visitorTokenIp, (req) => `mint-ip:${req.ip}`),
        limitBy(app, limits.visitorTokenInbox, (req) => `mint-inbox:${(req.params as { websiteToken: string }).websiteToken}`),
      ],
      bodyLimit: 8 * 1024,
    },
    async (request) => {
      const issued = await visitors.issueToken(request.params.websiteToken, request.body?.token);
      const claims = await visitors.authenticate(issued.token);
      await checkOrigin(request, claims.accountId, claims.inboxId);
      return issued;
    },
  );

  r.post(
    "/widget/v1/identify",
    { schema: { tags: ["visitor"], body: IdentifyRequest, response: { 200: VisitorTokenResponse, ...errors } }, preHandler: visitorPreHandlers, bodyLimit: 16 * 1024 },
    async (request) => visitors.identify(request.visitor!, request.body),
  );

  r.post(
    "/widget/v1/attributes",
    { schema: { tags: ["visitor"], body: SetAttributesRequest, response: { 200: VisitorTokenResponse, ...errors } }, preHandler: visitorPreHandlers, bodyLimit: 16 * 1024 },
    async (request) => visitors.setAttributes(request.visitor!, request.body),
  );

  r.get(
    "/widget/v1/messages",
    { schema: { tags: ["visitor"], querystring: VisitorMessagesQuery, response: { 200: VisitorHistoryResponse, ...errors } }, preHandler: visitorPreHandlers },
    async (request) => visitors.history(request.visitor!, request.query.after, request.query.conversationId),
  );

  r.post(
    "/widget/v1/messages",
    {
      schema: { tags: ["visitor"], body: SendMessageRequest, response: { 200: SendMessageResponse, 201: SendMessageResponse, ...errors } },
      preHandler: [
        ...visitorPreHandlers,
        limitBy(app, limits.visitorSend, (req) => `visitor:${req.visitor?.visitorId}`),
        limitBy(app, limits.inboxSend, (req) => `inbox:${req.visitor?.inboxId}`),
      ],
      bodyLimit: 32 * 1024,
    },
    async (request, reply) => {
      const result = await visitors.sendMessage(request.visitor!, request.body);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );

  // A file to send with the next message (`attachmentId`): the body is its bytes, of any content type.
  await app.register(async (scope) => {
    acceptRawBodies(scope, uploads.maxBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/widget/v1/attachments",
      {
        schema: { tags: ["visitor"], querystring: UploadAttachmentQuery, response: { 201: UploadAttachmentResponse, ...errors, 415: ErrorBody } },
        preHandler: [...visitorPreHandlers, limitBy(app, limits.visitorSend, (req) => `upload:${req.visitor?.visitorId}`)],
      },
      async (request, reply) => {
        const claims = request.visitor!;
        const inbox = await inboxes.byId(claims.accountId, claims.inboxId);
        if (inbox?.enforceIdentity && !claims.profile?.identifierVerified) {
          throw forbidden("this inbox only accepts identified visitors: call identify with a valid identifierHash first");
        }
        const tenant = createTenantService(db, claims.accountId);
        const attachment = await saveUpload(tenant, uploads, { type: "contact", id: claims.visitorId }, request.query.name, request.body);
        return reply.code(201).send({ attachment });
      },
    );
  });

  r.post(
    "/widget/v1/handoff",
    { schema: { tags: ["visitor"], body: HandoffRequest.optional(), response: { 200: HandoffResponse, ...errors } }, preHandler: visitorPreHandlers, bodyLimit: 4 * 1024 },
    async (request) => visitors.handoff(request.visitor!, request.body?.reason),
  );

  r.post(
    "/widget/v1/conversations/:conversationId/rating",
    {
      schema: {
        tags: ["visitor"],
        params: z.object({ conversationId: z.coerce.number().int().positive() }),
        body: RatingRequest,
        response: { 200: RatingResponse, ...errors, 409: ErrorBody },
      },
      preHandler: visitorPreHandlers,
      bodyLimit: 4 * 1024,
    },
    async (request) => visitors.rate(request.visitor!, request.params.conversationId, request.body),
  );
}
