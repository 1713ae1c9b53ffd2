/** The URL visitors' browsers reach this server at: HUMMDESK_PUBLIC_URL, else the request's own
 * scheme and host (trustProxy makes both honour X-Forwarded-* behind a proxy). */
import type { FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import { badRequest } from "./http-error.ts";

/** A host name or IPv4 address, or an IPv6 address in brackets, with an optional port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function publicBaseUrl(config: Config, request: FastifyRequest): string {
  if (config.publicUrl) return config.publicUrl;
  // The host is written into snippets and pages: anything but a host is refused, not echoed.
  if (!HOST.test(request.host)) throw badRequest("the Host header is not a host name (set HUMMDESK_PUBLIC_URL behind a proxy that rewrites it)");
  return `${request.protocol}://${request.host}`;
}
