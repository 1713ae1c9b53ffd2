/** Knowledge-base retrieval with PostgreSQL full-text search: each article is matched with its
 * own language's configuration (finnish, swedish, english); any shared lexeme counts (OR), ranked
 * by ts_rank_cd, the visitor's language first. Always filtered by account (and by RLS). */
import type { Language } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../db/client.ts";
import type { Passage } from "./provider.ts";

export async function searchArticles(tx: Executor, accountId: number, query: string, language: Language, limit = 4): Promise<Passage[]> {
  const text = query.slice(0, 1000);
  const rows = rowsOf<{ id: string | number; title: string; body: string; url: string | null; language: Language; score: number }>(
    await tx.execute(sql`
      select a.id, a.title, a.body, a.url, a.language, ts_rank_cd(a.search_vector, q.query) as score
      from knowledge_base_articles a
      cross join lateral (
        select nullif(replace(plainto_tsquery(hummdesk_ts_config(a.language::text), ${text})::text, ' & ', ' | '), '')::tsquery as query
      ) q
      where a.account_id = ${accountId} and a.published and q.query is not null and a.search_vector @@ q.query
      order by (a.language::text = ${language}) desc, score desc, a.id
      limit ${limit}`),
  );
  return rows.map((r) => ({ articleId: Number(r.id), title: r.title, body: r.body, url: r.url, language: r.language, score: Number(r.score) }));
}
