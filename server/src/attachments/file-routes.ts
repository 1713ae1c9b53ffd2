/**
 * GET /files/:accountId/:id/:name: an attached file's bytes, for the widget and the desk. The id is
 * random (144 bits) and appears only in messages, so the address is the permission, as for an S3
 * pre-signed link; a file not yet on a message is not served. Images open inline, PDFs download;
 * `nosniff` and a sandboxing CSP keep a browser from running anything in them.
 */
import { AttachmentId } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { notFound } from "../http/http-error.ts";
import { limitBy, type RateLimits } from "../http/rate-limits.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import type { AttachmentStore } from "./attachment-store.ts";

const FileParams = z.object({ accountId: z.coerce.number().int().positive().max(2 ** 53 - 1), id: AttachmentId, name: z.string().max(1000) });

export async function fileRoutes(app: FastifyInstance, options: { db: Database; store: AttachmentStore; limits: RateLimits }) {
  const { db, store, limits } = options;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/files/:accountId/:id/:name",
    { schema: { hide: true, params: FileParams }, preHandler: limitBy(app, limits.publicIp, (request) => `files-ip:${request.ip}`) },
    async (request, reply) => {
      const { accountId, id } = request.params;
      const row = await createTenantService(db, accountId).transaction((t) => t.findAttachment(id));
      if (!row || row.messageId === null) throw notFound("no such file");
      const bytes = await store.get(row.storageKey);
      if (!bytes) throw notFound("no such file");
      const disposition = row.contentType.startsWith("image/") ? "inline" : "attachment";
      return reply
        .header("content-type", row.contentType)
        .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=86400, immutable")
        .send(bytes);
    },
  );
}
