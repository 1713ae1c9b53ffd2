/** Retrieval on real databases: full-text search per language, and hybrid ranking with pgvector
 * (PGlite ships it) and embeddings from a local OpenAI-compatible server. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadLanguageDetector } from "./detect-language.ts";
import { createSeededTestDatabase, ownerQuery, type TestDatabase } from "../../test/test-database.ts";
import type { seedBoth } from "../../test/fixtures.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { classifyMessage } from "./classify-message.ts";
import { OpenAIProvider } from "./openai-provider.ts";
import { retrievePassages } from "./retrieve-passages.ts";
import { hasEmbeddings, hybridSearch, searchArticles } from "./retrieval.ts";
import { type OpenAICompatibleServer, startOpenAICompatibleServer } from "./testing/openai-compatible-server.ts";

beforeAll(() => loadLanguageDetector());

let database: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedBoth>>;
let model: OpenAICompatibleServer;
const silent = { warn: () => {} } as never;

beforeAll(async () => {
  ({ database, seeded } = await createSeededTestDatabase());
  model = await startOpenAICompatibleServer({ mode: "ok", embeddingDimensions: 96 });
});
afterAll(async () => {
  await database.close();
  await model.close();
});

describe("full-text search", () => {
  test.each([
    ["fi", "Miten palautan tuotteen ja saanko rahat takaisin?", "returns_refunds"],
    ["sv", "Hur lång tid tar hemleveransen?", "delivery"],
    ["en", "What are your opening hours on Sunday?", "store_info"],
  ] as const)("%s: the best article is in the visitor's language and on topic", async (language, question, category) => {
    const tenant = createTenantService(database.db, seeded.krauta.accountId);
    // As in the pipeline: the built-in classifier's category is the hint.
    const hint = classifyMessage({ text: question, fallbackLanguage: "fi" }).category;
    const passages = await tenant.transaction((t) => searchArticles(t.executor, seeded.krauta.accountId, question, language, 4, { category: hint }));
    expect(passages.length).toBeGreaterThan(0);
    const best = (await tenant.getArticle(passages[0]!.articleId))!;
    expect({ language: best.language, category: best.category }).toEqual({ language, category });
  });

  test("another account's articles are never returned, even asked for by the account id of the other", async () => {
    const tenant = createTenantService(database.db, seeded.krauta.accountId);
    // Bound to K-Rauta, a search naming the neighbour's account finds nothing (RLS).
    const crossed = await tenant.transaction((t) => searchArticles(t.executor, seeded.neighbour.accountId, "returns refund 14 days", "en"));
    expect(crossed).toEqual([]);
  });
});

describe("hybrid ranking with pgvector", () => {
  test("embeddings are stored for the account's articles only, and a query full-text cannot match still finds articles by vector", async ({ skip }) => {
    const tenant = createTenantService(database.db, seeded.krauta.accountId);
    if (!(await tenant.transaction((t) => hasEmbeddings(t.executor)))) skip("this PostgreSQL server has no pgvector: retrieval is full-text only");
    const provider = new OpenAIProvider({ apiKey: "sk-local", baseUrl: model.url, model: "m", embeddingModel: "embed-test", maxRetries: 0 });
    const passages = await retrievePassages(tenant, provider, silent, "Miten palautan tuotteen?", "fi");
    expect(passages.length).toBeGreaterThan(0);
    const published = (await tenant.listArticles()).filter((a) => a.published).length;
    const stored = await ownerQuery<{ account_id: string; n: number }>(database, "select account_id::text, count(*)::int as n from knowledge_base_embeddings group by account_id");
    expect(stored).toEqual([{ account_id: String(seeded.krauta.accountId), n: published }]);

    // Only English stop words: full-text search has nothing to match; the vectors still rank.
    const stopWords = "the and of to with";
    expect(await tenant.transaction((t) => searchArticles(t.executor, seeded.krauta.accountId, stopWords, "en"))).toEqual([]);
    const [vector] = await provider.embed!([stopWords]);
    const byVector = await tenant.transaction((t) => hybridSearch(t.executor, seeded.krauta.accountId, stopWords, "en", { model: "embed-test", vector: vector! }));
    expect(byVector.length).toBeGreaterThan(0);

    // An edited article is embedded again (its content hash changed); nothing else is.
    const article = (await tenant.listArticles())[0]!;
    await tenant.updateArticle(article.id, { body: `${article.body} Uusi lause.` });
    const before = model.requests.filter((r) => r.path.endsWith("/embeddings")).length;
    await retrievePassages(tenant, provider, silent, "aukioloajat", "fi");
    const embedCalls = model.requests.filter((r) => r.path.endsWith("/embeddings")).slice(before);
    expect(embedCalls.map((r) => (r.body as { input: string[] }).input.length)).toEqual([1, 1]);
  });
});
