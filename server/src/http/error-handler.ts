/** One error body for every failure: `{error: {code, message}}`. 4xx say what was wrong; 5xx
 * reveal nothing; a database that cannot be reached is a 503, never a false success. */
import type { FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { InvalidCursorError } from "../tenant/conversation-store.ts";
import { HttpError } from "./http-error.ts";

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "53300",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code && CONNECTION_CODES.has(code)) return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause);
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath || "/", message: v.message }));
      const first = details[0];
      return reply.code(400).send({
        error: { code: "invalid_request", message: `${error.validationContext ?? "request"} is invalid${first ? `: ${first.path} ${first.message}` : ""}`, details },
      });
    }
    if (error instanceof InvalidCursorError) return reply.code(400).send({ error: { code: "invalid_cursor", message: error.message } });
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = status === 413 ? "payload_too_large" : status === 429 ? "rate_limited" : status === 415 ? "unsupported_media_type" : "invalid_request";
      return reply.code(status).send({ error: { code, message: (error as Error).message } });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { code: (error as { code?: string }).code } }, "database unavailable");
      return reply.code(503).header("retry-after", "2").send({ error: { code: "unavailable", message: "the service is briefly unavailable; retry the request" } });
    }
    request.log.error({ err: error as Error }, "unhandled error");
    return reply.code(500).send({ error: { code: "internal", message: "something went wrong on our side" } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: "not_found", message: `no route ${request.method} ${request.url.split("?")[0]}` } }),
  );
}
