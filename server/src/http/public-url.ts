/** The URL visitors' browsers reach this server at: HUMMDESK_PUBLIC_URL, else the request's own
 * scheme and host (trustProxy makes both honour X-Forwarded-* behind a proxy). */
import type { FastifyRequest } from "fastify";
import type { Config } from "../config.ts";

export function publicBaseUrl(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
