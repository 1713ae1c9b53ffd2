/** The API reference at /docs. @fastify/swagger collects every route's schema as the routes register,
 * so it loads at start; the Swagger UI (its module and static files) loads on the first /docs
 * request, into an instance of its own that serves the finished document, not at every start. */
import type { StaticDocumentSpec } from "@fastify/swagger";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Fastify from "fastify";

/** Response headers of the UI instance that the server's own reply sets itself. */
const HOP_HEADERS = new Set(["content-length", "connection", "keep-alive", "transfer-encoding", "date"]);

export function apiDocsRoutes(app: FastifyInstance, prefix = "/docs"): void {
  let ui: Promise<FastifyInstance> | null = null;

  async function loadUi(): Promise<FastifyInstance> {
    const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([import("@fastify/swagger"), import("@fastify/swagger-ui")]);
    const instance = Fastify({ logger: false });
    // The document app.swagger() builds is OpenAPI 3.0 (the `openapi` option in app.ts); its type is
    // the union of every version, which the static mode's narrower type does not accept as is.
    const document = app.swagger() as StaticDocumentSpec["document"];
    await instance.register(swagger, { mode: "static", specification: { document } });
    await instance.register(swaggerUi, { routePrefix: prefix });
    await instance.ready();
    return instance;
  }

  async function serve(request: FastifyRequest, reply: FastifyReply) {
    ui ??= loadUi().catch((error: unknown) => {
      ui = null;
      throw error;
    });
    const headers: Record<string, string> = {};
    for (const name of ["accept", "accept-encoding", "if-none-match", "if-modified-since"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await (await ui).inject({ method: request.method as "GET" | "HEAD", url: request.url, headers });
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_HEADERS.has(name)) reply.header(name, value);
    }
    return reply.code(answer.statusCode).send(answer.rawPayload);
  }

  app.get(prefix, { schema: { hide: true } }, serve);
  app.get(`${prefix}/*`, { schema: { hide: true } }, serve);
}
