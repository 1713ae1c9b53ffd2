/** Knowledge-base retrieval. Full-text search in PostgreSQL: each article is matched with its own
 * language's configuration (finnish, swedish, english); any shared lexeme counts (OR), ranked by
 * ts_rank_cd, the visitor's language first. Where pgvector and an embeddings model exist, the
 * nearest articles by cosine distance join in and both lists are fused by reciprocal rank.
 * Always filtered by account (and by RLS). */
import { createHash } from "node:crypto";
import type { AICategory, Language } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../db/client.ts";
import type { Passage } from "./provider.ts";

const CANDIDATES = 20;
/** Reciprocal-rank-fusion constant: ranks matter, raw scores of the two lists need not compare. */
const RRF_K = 60;

type ArticleRow = { id: string | number; title: string; body: string; url: string | null; language: Language; score: number };
const toPassage = (r: ArticleRow, score = Number(r.score)): Passage => ({
  articleId: Number(r.id),
  title: r.title,
  body: r.body,
  url: r.url,
  language: r.language,
  score,
});

/** The classified category of the question lifts articles of that category above mere word
 * overlap (inflected words and compounds make plain overlap a weak signal in Finnish). */
export interface SearchHints {
  category?: AICategory | null;
}

export async function searchArticles(tx: Executor, accountId: number, query: string, language: Language, limit = 4, hints: SearchHints = {}): Promise<Passage[]> {
  return (await fullTextCandidates(tx, accountId, query, language, limit, hints)).map((r) => toPassage(r));
}

async function fullTextCandidates(tx: Executor, accountId: number, query: string, language: Language, limit: number, hints: SearchHints): Promise<ArticleRow[]> {
  const text = query.slice(0, 1000);
  // Each lexeme of four letters or more also matches as a prefix ('palaut' finds 'palautuks').
  return rowsOf<ArticleRow>(
    await tx.execute(sql`
      select a.id, a.title, a.body, a.url, a.language,
             ts_rank(a.search_vector, q.query) + case when a.category::text = ${hints.category ?? ""} then 0.3 else 0 end as score
      from knowledge_base_articles a
      cross join lateral (
        select nullif(regexp_replace(replace(plainto_tsquery(hummdesk_ts_config(a.language::text), ${text})::text, ' & ', ' | '),
                                     '''([^'']{4,})''', '''\\1'':*', 'g'), '')::tsquery as query
      ) q
      where a.account_id = ${accountId} and a.published and q.query is not null and a.search_vector @@ q.query
      order by (a.language::text = ${language}) desc, score desc, a.id
      limit ${limit}`),
  );
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

/** Full-text and vector candidates fused by reciprocal rank; the visitor's language breaks ties. */
export async function hybridSearch(
  tx: Executor,
  accountId: number,
  query: string,
  language: Language,
  embedding: { model: string; vector: number[] },
  limit = 4,
  hints: SearchHints = {},
): Promise<Passage[]> {
  const fullText = await fullTextCandidates(tx, accountId, query, language, CANDIDATES, hints);
  const literal = `[${embedding.vector.join(",")}]`;
  const nearest = rowsOf<ArticleRow>(
    await tx.execute(sql`
      select a.id, a.title, a.body, a.url, a.language, 1 - (e.embedding <=> ${literal}::vector) as score
      from knowledge_base_embeddings e
      join knowledge_base_articles a on a.account_id = e.account_id and a.id = e.article_id
      where e.account_id = ${accountId} and e.model = ${embedding.model} and a.published
        and vector_dims(e.embedding) = ${embedding.vector.length}
      order by e.embedding <=> ${literal}::vector, a.id
      limit ${CANDIDATES}`),
  );
  const fused = new Map<number, { row: ArticleRow; score: number }>();
  for (const list of [fullText, nearest]) {
    list.forEach((row, rank) => {
      const id = Number(row.id);
      const entry = fused.get(id) ?? { row, score: 0 };
      entry.score += 1 / (RRF_K + rank + 1);
      fused.set(id, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || Number(b.row.language === language) - Number(a.row.language === language) || Number(a.row.id) - Number(b.row.id))
    .slice(0, limit)
    .map((entry) => toPassage(entry.row, entry.score));
}
