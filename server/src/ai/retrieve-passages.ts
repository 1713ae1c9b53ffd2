/** Finds the passages a draft is grounded in: hybrid (full-text + embeddings) where the provider
 * embeds and the database has pgvector, else full-text only. Embeddings of new or changed
 * articles are computed on the way; HTTP calls to the model never run inside a transaction. */
import type { Language } from "@hummdesk/shared";
import type { FastifyBaseLogger } from "fastify";
import type { TenantService } from "../tenant/tenant-service.ts";
import type { AIProvider, Passage } from "./provider.ts";
import { articlesToEmbed, hasEmbeddings, hybridSearch, type SearchHints, searchArticles, storeEmbeddings } from "./retrieval.ts";

export async function retrievePassages(
  tenant: TenantService,
  provider: AIProvider,
  log: FastifyBaseLogger,
  question: string,
  language: Language,
  hints: SearchHints = {},
): Promise<Passage[]> {
  const accountId = tenant.accountId;
  const embed = provider.embed?.bind(provider);
  const model = provider.embeddingModel ?? `${provider.name}:${provider.model}`;
  if (embed && (await tenant.transaction((t) => hasEmbeddings(t.executor)))) {
    try {
      const missing = await tenant.transaction((t) => articlesToEmbed(t.executor, accountId, model));
      if (missing.length > 0) {
        const vectors = await embed(missing.map((m) => m.text));
        await tenant.transaction((t) =>
          storeEmbeddings(
            t.executor,
            accountId,
            model,
            missing.map((m, i) => ({ articleId: m.articleId, hash: m.hash, embedding: vectors[i] ?? [] })).filter((m) => m.embedding.length > 0),
          ),
        );
      }
      const [vector] = await embed([question]);
      if (vector?.length) return await tenant.transaction((t) => hybridSearch(t.executor, accountId, question, language, { model, vector }, 4, hints));
    } catch (error) {
      log.warn({ error: error instanceof Error ? error.message : String(error) }, "embeddings unavailable; full-text retrieval only");
    }
  }
  return tenant.transaction((t) => searchArticles(t.executor, accountId, question, language, 4, hints));
}
