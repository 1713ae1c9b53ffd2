/** Knowledge-base retrieval: the account's published articles ranked by `rankArticles` (BM25F
 * over example questions, title and body, the visitor's language first, the classified category as
 * a tie-break). Where pgvector and an embeddings model exist, the nearest articles by cosine
 * distance join in and both lists are fused by reciprocal rank. Always filtered by account (and by
 * RLS). */
import { createHash } from "node:crypto";
import type { AICategory, Language } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../db/client.ts";
import type { Passage } from "./provider.ts";
import { type RankableArticle, type RankedArticle, rankArticles } from "./rank-articles.ts";

const CANDIDATES = 20;
/** Reciprocal-rank-fusion constant: ranks matter, raw scores of the two lists need not compare. */
const RRF_K = 60;
/** Articles ranked per question: a help centre, not a document store. */
const MAX_ARTICLES = 2000;

type ArticleRow = {
  id: string | number;
  title: string;
  body: string;
  url: string | null;
  language: Language;
  category: AICategory | null;
  questions: unknown;
};

const toPassage = (r: RankedArticle, score = r.score): Passage => ({
  articleId: r.article.id,
  title: r.article.title,
  body: r.article.body,
  url: r.article.url,
  language: r.article.language,
  category: r.article.category,
  score,
  support: r.support,
});

/** The classified category of the question breaks near ties between articles. */
export interface SearchHints {
  category?: AICategory | null;
}

async function publishedArticles(tx: Executor, accountId: number): Promise<RankableArticle[]> {
  // `questions` is read through to_jsonb so the query also runs where that column is absent.
  const rows = rowsOf<ArticleRow>(
    await tx.execute(sql`
      select a.id, a.title, a.body, a.url, a.language, a.category, to_jsonb(a) -> 'questions' as questions
      from knowledge_base_articles a
      where a.account_id = ${accountId} and a.published
      order by a.id
      limit ${MAX_ARTICLES}`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    body: r.body,
    url: r.url,
    language: r.language,
    category: r.category,
    questions: Array.isArray(r.questions) ? r.questions.filter((q): q is string => typeof q === "string") : [],
  }));
}

async function ranked(tx: Executor, accountId: number, query: string, language: Language, limit: number, hints: SearchHints): Promise<RankedArticle[]> {
  return rankArticles(query.slice(0, 2000), await publishedArticles(tx, accountId), { language, category: hints.category ?? null, limit });
}

export async function searchArticles(tx: Executor, accountId: number, query: string, language: Language, limit = 4, hints: SearchHints = {}): Promise<Passage[]> {
  return (await ranked(tx, accountId, query, language, limit, hints)).map((r) => toPassage(r));
}

/** Whether this database has the embeddings table (pgvector was available at migration). */
export async function hasEmbeddings(tx: Executor): Promise<boolean> {
  const rows = rowsOf<{ present: boolean }>(await tx.execute(sql`select to_regclass('knowledge_base_embeddings') is not null as present`));
  return rows[0]?.present === true;
}

export const contentHash = (title: string, body: string) => createHash("sha256").update(`${title}\n${body}`).digest("hex").slice(0, 32);

/** Published articles whose embedding for `model` is missing or stale. */
export async function articlesToEmbed(tx: Executor, accountId: number, model: string, limit = 64) {
  const rows = rowsOf<{ id: string | number; title: string; body: string; hash: string | null }>(
    await tx.execute(sql`
      select a.id, a.title, a.body, e.content_hash as hash
      from knowledge_base_articles a
      left join knowledge_base_embeddings e on e.account_id = a.account_id and e.article_id = a.id and e.model = ${model}
      where a.account_id = ${accountId} and a.published
      order by a.id`),
  );
  return rows
    .map((r) => ({ articleId: Number(r.id), text: `${r.title}\n${r.body}`, hash: contentHash(r.title, r.body), stored: r.hash }))
    .filter((r) => r.stored !== r.hash)
    .slice(0, limit);
}

export async function storeEmbeddings(tx: Executor, accountId: number, model: string, items: { articleId: number; hash: string; embedding: number[] }[]) {
  for (const item of items) {
    const literal = `[${item.embedding.map((v) => (Number.isFinite(v) ? v : 0)).join(",")}]`;
    await tx.execute(sql`
      insert into knowledge_base_embeddings (account_id, article_id, model, content_hash, embedding)
      values (${accountId}, ${item.articleId}, ${model}, ${item.hash}, ${literal}::vector)
      on conflict (account_id, article_id, model) do update set content_hash = excluded.content_hash, embedding = excluded.embedding`);
  }
}

/** Ranked and vector candidates fused by reciprocal rank; the visitor's language breaks ties. */
export async function hybridSearch(
  tx: Executor,
  accountId: number,
  query: string,
  language: Language,
  embedding: { model: string; vector: number[] },
  limit = 4,
  hints: SearchHints = {},
): Promise<Passage[]> {
  const articles = await publishedArticles(tx, accountId);
  const byText = rankArticles(query.slice(0, 2000), articles, { language, category: hints.category ?? null, limit: CANDIDATES });
  const literal = `[${embedding.vector.join(",")}]`;
  const nearest = rowsOf<{ id: string | number }>(
    await tx.execute(sql`
      select a.id
      from knowledge_base_embeddings e
      join knowledge_base_articles a on a.account_id = e.account_id and a.id = e.article_id
      where e.account_id = ${accountId} and e.model = ${embedding.model} and a.published
        and vector_dims(e.embedding) = ${embedding.vector.length}
      order by e.embedding <=> ${literal}::vector, a.id
      limit ${CANDIDATES}`),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const fused = new Map<number, { entry: RankedArticle; score: number }>();
  const vectorList = nearest.flatMap((r) => {
    const article = byId.get(Number(r.id));
    return article ? [byText.find((x) => x.article.id === article.id) ?? { article, score: 0, support: 0 }] : [];
  });
  for (const list of [byText, vectorList]) {
    list.forEach((entry, rank) => {
      const fusedEntry = fused.get(entry.article.id) ?? { entry, score: 0 };
      fusedEntry.score += 1 / (RRF_K + rank + 1);
      fused.set(entry.article.id, fusedEntry);
    });
  }
  return [...fused.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.entry.article.language === language) - Number(a.entry.article.language === language) ||
        a.entry.article.id - b.entry.article.id,
    )
    .slice(0, limit)
    .map(({ entry, score }) => toPassage(entry, score));
}
