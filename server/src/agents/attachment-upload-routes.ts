/** POST /api/v1/accounts/:accountId/attachments?name=…: an agent uploads a file (the body is its
 * bytes) to send with a reply or a note (`attachmentId` of the reply). */
import { AccountParams, ErrorBody, UploadAttachmentQuery, UploadAttachmentResponse } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { acceptRawBodies, saveUpload, type UploadLimits } from "../attachments/attachment-uploads.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

export async function attachmentUploadRoutes(app: FastifyInstance, options: { access: MemberAccess; uploads: UploadLimits }) {
  const { access, uploads } = options;
  acceptRawBodies(app, uploads.maxBytes);
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/accounts/:accountId/attachments",
    {
      schema: {
        tags: ["conversations"],
        params: AccountParams,
        querystring: UploadAttachmentQuery,
        response: { 201: UploadAttachmentResponse, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
      onRequest: access(),
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const attachment = await saveUpload(agent.tenant, uploads, { type: "agent", id: String(agent.userId) }, request.query.name, request.body);
      return reply.code(201).send({ attachment });
    },
  );
}
