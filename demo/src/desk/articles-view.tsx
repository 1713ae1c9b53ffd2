/** The desk's knowledge base (supervisors and administrators): the articles, searchable by title,
 * beside the configurator's article editor. */
import type { KnowledgeBaseArticle } from "@hummdesk/shared";
import { useEffect, useRef, useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";
import { ArticleEditor } from "../configure/article-editor.tsx";
import { matchingArticles } from "./article-search.ts";

export interface ArticlesViewProps {
  api: ApiClient;
  /** From the address: the article open, "new" for a new one, null for none. */
  articleId: number | "new" | null;
  /** `replace`: the address changes without a step for the back button (a new article got its id). */
  onOpen(articleId: number | "new" | null, replace?: boolean): void;
  /** The address of an article (or of the list, null), in this account. */
  hrefOf(articleId: number | "new" | null): string;
}

export function ArticlesView({ api, articleId, onOpen, hrefOf }: ArticlesViewProps) {
  const [articles, setArticles] = useState<KnowledgeBaseArticle[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [notice, setNotice] = useState<string | null>(null);

  // A fresh editor for each article opened, except when a new one is saved and gets its id (it keeps its "Saved.").
  const justCreated = useRef<number | null>(null);
  const editor = useRef({ articleId, key: 0 });
  if (editor.current.articleId !== articleId) {
    editor.current = { articleId, key: articleId === justCreated.current ? editor.current.key : editor.current.key + 1 };
    justCreated.current = null;
  }

  useEffect(() => {
    api
      .listArticles()
      .then((loaded) => setArticles(loaded.articles))
      .catch((failure) => setError(`Could not load the articles: ${describeError(failure)}`));
  }, [api]);

  if (error) {
    return (
      <p class="alert error desk-page-message" role="alert">
        {error}
      </p>
    );
  }
  if (!articles) return <p class="loading desk-page-message">Loading articles…</p>;

  const shown = matchingArticles(articles, query);
  const open = typeof articleId === "number" ? (articles.find((article) => article.id === articleId) ?? null) : null;

  function saved(article: KnowledgeBaseArticle) {
    setNotice(null);
    setArticles((current) => (current?.some((a) => a.id === article.id) ? current.map((a) => (a.id === article.id ? article : a)) : [...(current ?? []), article]));
    if (articleId !== article.id) {
      justCreated.current = article.id;
      onOpen(article.id, true);
    }
  }

  function deleted(removedId: number) {
    const title = articles?.find((article) => article.id === removedId)?.title ?? "The article";
    setArticles((current) => current?.filter((article) => article.id !== removedId) ?? null);
    setNotice(`“${title}” was deleted.`);
    onOpen(null, true);
  }

  return (
    <div class={`articles-view${articleId !== null ? " has-selection" : ""}`} data-testid="articles-view">
      <nav class="list-pane article-list-pane" aria-label="Knowledge-base articles">
        <div class="list-head">
          <h2>Knowledge base</h2>
          <div class="article-tools">
            <label class="visually-hidden" for="article-search">
              Search articles by title
            </label>
            <input
              id="article-search"
              class="input"
              type="search"
              placeholder="Search by title"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
              data-testid="article-search"
            />
            <a
              class="button small primary"
              href={hrefOf("new")}
              data-testid="article-new"
            >
              New article
            </a>
          </div>
        </div>
        <div class="list-scroll">
          {notice && (
            <p class="list-message" role="status" data-testid="articles-notice">
              {notice}
            </p>
          )}
          {shown.length === 0 && <p class="list-message">{articles.length === 0 ? "No articles yet." : "No article title matches."}</p>}
          <ul class="article-list" data-testid="article-list">
            {shown.map((article) => (
              <li key={article.id}>
                <a
                  class={`article-item${article.id === articleId ? " selected" : ""}`}
                  href={hrefOf(article.id)}
                  aria-current={article.id === articleId ? "page" : undefined}
                  data-testid={`article-item-${article.id}`}
                >
                  <span class="article-item-title">{article.title}</span>
                  <span class="article-item-meta">
                    <span class="pill">{article.language}</span>
                    {article.category && <span class="pill">{article.category}</span>}
                    {!article.published && <span class="pill status-resolved">draft</span>}
                    <span>
                      {article.questions.length === 1 ? "1 example question" : `${article.questions.length} example questions`}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main class="detail-pane article-pane">
        {articleId === null && (
          <div class="empty-detail">
            <p>Pick an article, or write a new one.</p>
          </div>
        )}
        {typeof articleId === "number" && !open && (
          <div class="empty-detail">
            <p class="alert error" role="alert">
              Article {articleId} is not in this account's knowledge base.
            </p>
          </div>
        )}
        {(articleId === "new" || open) && (
          <div class="article-pane-scroll">
            <div class="article-pane-head">
              <a
                class="button small back-to-list"
                href={hrefOf(null)}
              >
                ← Articles
              </a>
              <h1>{open ? open.title : "New article"}</h1>
            </div>
            <ArticleEditor key={editor.current.key} api={api} article={open} onSaved={saved} onDeleted={deleted} />
          </div>
        )}
      </main>
    </div>
  );
}
