/** The knowledge base in the configurator: pick an article (or start a new one) and edit it in
 * the shared `ArticleEditor`. */
import type { KnowledgeBaseArticle } from "@hummdesk/shared";
import { useEffect, useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";
import { ArticleEditor } from "./article-editor.tsx";

export function ArticlesScreen({ api }: { api: ApiClient }) {
  const [articles, setArticles] = useState<KnowledgeBaseArticle[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new editor for each article picked, but not when a new article is saved (it keeps its "Saved.").
  const [editorKey, setEditorKey] = useState(0);

  useEffect(() => {
    api
      .listArticles()
      .then(({ articles: loaded }) => {
        setArticles(loaded);
        setSelectedId(loaded[0]?.id ?? "new");
      })
      .catch((failure) => setError(describeError(failure)));
  }, [api]);

  if (error) return <p class="alert error" role="alert">Could not load the articles: {error}</p>;
  if (!articles) return <p class="loading">Loading articles…</p>;
  const selected = selectedId === "new" ? null : (articles.find((article) => article.id === selectedId) ?? null);
  const saved = (article: KnowledgeBaseArticle) => {
    setArticles((current) => (current?.some((a) => a.id === article.id) ? current.map((a) => (a.id === article.id ? article : a)) : [...(current ?? []), article]));
    setSelectedId(article.id);
  };
  const deleted = (articleId: number) => {
    const rest = articles.filter((a) => a.id !== articleId);
    setArticles(rest);
    setSelectedId(rest[0]?.id ?? "new");
    setEditorKey((key) => key + 1);
  };

  return (
    <section class="articles-screen" data-testid="articles-screen">
      <div class="card articles-list">
        <label class="field">
          <span class="field-label">Article</span>
          <select
            class="input"
            value={String(selectedId ?? "new")}
            onChange={(event) => {
              setSelectedId(event.currentTarget.value === "new" ? "new" : Number(event.currentTarget.value));
              setEditorKey((key) => key + 1);
            }}
            data-testid="article-select"
          >
            {articles.map((article) => (
              <option key={article.id} value={article.id}>
                [{article.language}] {article.title}
              </option>
            ))}
            <option value="new">+ New article</option>
          </select>
        </label>
      </div>
      <ArticleEditor key={editorKey} api={api} article={selected} onSaved={saved} onDeleted={deleted} />
    </section>
  );
}
