/** Serves the widget (boot chunk, chat chunks, ESM bundle) and the demo pages (storefront, configurator, agent desk), all local.
 * The storefront gets the real merchant snippet for the K-Rauta inbox, as a merchant pastes it. */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { REPO_ROOT } from "../repo-root.ts";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { buildSnippet } from "@hummdesk/widget/snippet";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { KRAUTA_WEBSITE_TOKEN } from "../db/seed.ts";
import { contentSecurityPolicy } from "../http/content-security-policy.ts";
import { publicBaseUrl } from "../http/public-url.ts";

const ROOT = REPO_ROOT;
export const WIDGET_DIST = join(ROOT, "widget/dist");
export const DEMO_DIST = join(ROOT, "demo/dist");

export async function staticRoutes(app: FastifyInstance, options: { config: Config; db: Database }) {
  const { config } = options;
  const widgetFile = join(WIDGET_DIST, "widget.js");
  const widget = existsSync(widgetFile) ? readFileSync(widgetFile) : null;
  const widgetHash = widget ? createHash("sha256").update(widget).digest("hex").slice(0, 10) : null;

  const serveWidget = (immutable: boolean) => async (request: FastifyRequest, reply: import("fastify").FastifyReply) => {
    if (!widget) return reply.code(404).send({ error: { code: "not_built", message: "widget.js is not built: run `pnpm build`" } });
    if (request.headers["if-none-match"] === `"${widgetHash}"`) return reply.code(304).header("etag", `"${widgetHash}"`).send();
    return reply
      .header("content-type", "application/javascript; charset=utf-8")
      .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=300")
      .header("etag", `"${widgetHash}"`)
      .header("access-control-allow-origin", "*")
      .send(widget);
  };
  app.get("/widget.js", serveWidget(false));
  if (widgetHash) app.get(`/widget-${widgetHash}.js`, serveWidget(true));

  // The chat chunks widget.js imports: content-hashed names, so cached for good; module scripts
  // from a merchant's origin need CORS.
  const manifestFile = join(WIDGET_DIST, "manifest.json");
  const chatChunks: string[] = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, "utf8")).chatChunks ?? []) : [];
  for (const file of chatChunks) {
    if (!/^chat-[\w-]+\.js$/.test(file)) continue;
    const code = readFileSync(join(WIDGET_DIST, file));
    app.get(`/${file}`, async (_request, reply) =>
      reply
        .header("content-type", "application/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("access-control-allow-origin", "*")
        .send(code),
    );
  }
  const esm = join(WIDGET_DIST, "widget.esm.js");
  if (existsSync(esm)) app.get("/widget.esm.js", async (_req, reply) => reply.type("application/javascript; charset=utf-8").send(readFileSync(esm)));

  const page =
    (file: string, transform?: (html: string, request: FastifyRequest) => string, options: { nonce?: boolean } = {}) =>
    async (request: FastifyRequest, reply: import("fastify").FastifyReply) => {
      const path = join(DEMO_DIST, file);
      if (!existsSync(path)) return reply.code(404).send({ error: { code: "not_built", message: `demo page ${file} is not built: run \`pnpm build\`` } });
      const template = readFileSync(path, "utf8");
      const transformed = transform ? transform(template, request) : template;
      // A fresh nonce per response, handed to the page in a meta tag (never in a URL).
      const nonce = options.nonce ? randomBytes(18).toString("base64") : undefined;
      const html = nonce ? transformed.replace("</head>", `<meta name="hummdesk-script-nonce" content="${nonce}">\n</head>`) : transformed;
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").header("content-security-policy", contentSecurityPolicy(html, nonce)).send(html);
    };
  app.get(
    "/",
    page("index.html", (html, request) =>
      html.replace("<!--HUMMDESK_SNIPPET-->", buildSnippet({ baseUrl: publicBaseUrl(config, request), websiteToken: KRAUTA_WEBSITE_TOKEN })),
    ),
  );
  // The configurator's live preview is a srcdoc iframe: it inherits this page's CSP, and its inline
  // scripts (the snippet, the unsaved look) are written in the browser, so they carry the nonce.
  app.get("/configure", page("configure.html", undefined, { nonce: true }));
  app.get("/desk", page("desk.html"));
  if (existsSync(join(DEMO_DIST, "assets"))) {
    await app.register(fastifyStatic, { root: join(DEMO_DIST, "assets"), prefix: "/assets/", decorateReply: false, maxAge: "1h" });
  }
}
