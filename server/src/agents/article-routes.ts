/** The account's knowledge base, which grounds the AI's answers: everyone reads it, supervisors
 * and administrators write it. */
import { AccountParams, ArticleCreateRequest, ArticleResponse, ArticlesResponse, ArticleUpdateRequest, EntityParams, type KnowledgeBaseArticle } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../http/http-error.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

const PREFIX = "/api/v1/accounts/:accountId/articles";
const tags = ["knowledge base"];
const articleNotFound = (id: number) => notFound(`article ${id} not found`);

export async function articleRoutes(app: FastifyInstance, options: { access: MemberAccess }) {
  const { access } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(PREFIX, { schema: { tags, params: AccountParams, response: { 200: ArticlesResponse, ...errors } }, onRequest: access() }, async (request) => ({
    articles: await agentOf(request).tenant.listArticles(),
  }));

  r.post(
    PREFIX,
    {
      schema: { tags, params: AccountParams, body: ArticleCreateRequest, response: { 201: ArticleResponse, ...errors } },
      onRequest: access("supervisor"),
      bodyLimit: 64 * 1024,
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const article = await agent.tenant.transaction(async (t) => {
        const created = await t.createArticle(request.body);
        await t.appendAudit({ actorId: agent.userId, action: "article.create", entityType: "article", entityId: created.id, after: created });
        return created;
      });
      return reply.code(201).send({ article });
    },
  );

  r.patch(
    `${PREFIX}/:id`,
    {
      schema: { tags, params: EntityParams, body: ArticleUpdateRequest, response: { 200: ArticleResponse, ...errors } },
      onRequest: access("supervisor"),
      bodyLimit: 64 * 1024,
    },
    async (request) => {
      const agent = agentOf(request);
      const article = await agent.tenant.transaction(async (t) => {
        const before = await t.getArticle(request.params.id);
        if (!before) throw articleNotFound(request.params.id);
        const updated = (await t.updateArticle(before.id, request.body))!;
        const fields = Object.keys(request.body) as (keyof typeof request.body)[];
        const pick = (a: KnowledgeBaseArticle) => Object.fromEntries(fields.map((key) => [key, a[key]]));
        await t.appendAudit({ actorId: agent.userId, action: "article.update", entityType: "article", entityId: before.id, before: pick(before), after: pick(updated) });
        return updated;
      });
      return { article };
    },
  );

  r.delete(
    `${PREFIX}/:id`,
    { schema: { tags, params: EntityParams, response: { 204: z.null(), ...errors } }, onRequest: access("supervisor") },
    async (request, reply) => {
      const agent = agentOf(request);
      await agent.tenant.transaction(async (t) => {
        const before = await t.getArticle(request.params.id);
        if (!before || !(await t.deleteArticle(before.id))) throw articleNotFound(request.params.id);
        await t.appendAudit({ actorId: agent.userId, action: "article.delete", entityType: "article", entityId: before.id, before });
      });
      return reply.code(204).send(null);
    },
  );
}
