/** The account's audit log, newest first with id cursors (supervisors and administrators). */
import { AccountParams, AuditLogQuery, AuditLogResponse } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

export async function auditLogRoutes(app: FastifyInstance, options: { access: MemberAccess }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/accounts/:accountId/audit-logs",
    {
      schema: { tags: ["audit log"], params: AccountParams, querystring: AuditLogQuery, response: { 200: AuditLogResponse, ...errors } },
      onRequest: options.access("supervisor"),
    },
    async (request) => agentOf(request).tenant.listAudit({ cursor: request.query.cursor, limit: request.query.limit }),
  );
}
