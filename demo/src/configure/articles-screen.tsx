/** The knowledge base in the configurator: pick an article (or start a new one) and edit it,
 * example questions included (one per line), which the AI matches visitors' messages against. */
import { AI_CATEGORIES, type AICategory, type KnowledgeBaseArticle } from "@hummdesk/shared";
import { useEffect, useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";
import { parseQuestions, questionsToText } from "./article-questions.ts";

type ArticleLanguage = "fi" | "sv" | "en";
const LANGUAGES: ArticleLanguage[] = ["fi", "sv", "en"];

export function ArticlesScreen({ api }: { api: ApiClient }) {
  const [articles, setArticles] = useState<KnowledgeBaseArticle[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | "new" | null>(null);
  const [error, setError] = useState<string | null>(null);

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

  return (
    <section class="articles-screen" data-testid="articles-screen">
      <div class="card articles-list">
        <label class="field">
          <span class="field-label">Article</span>
          <select
            class="input"
            value={String(selectedId ?? "new")}
            onChange={(event) => setSelectedId(event.currentTarget.value === "new" ? "new" : Number(event.currentTarget.value))}
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
      <ArticleEditor key={String(selectedId)} api={api} article={selected} onSaved={saved} />
    </section>
  );
}

interface ArticleEditorProps {
  api: ApiClient;
  /** null: a new article. */
  article: KnowledgeBaseArticle | null;
  onSaved(article: KnowledgeBaseArticle): void;
}

function ArticleEditor({ api, article, onSaved }: ArticleEditorProps) {
  const [title, setTitle] = useState(article?.title ?? "");
  const [body, setBody] = useState(article?.body ?? "");
  const [language, setLanguage] = useState<ArticleLanguage>((article?.language as ArticleLanguage | undefined) ?? "fi");
  const [category, setCategory] = useState<AICategory | "">(article?.category ?? "");
  const [url, setUrl] = useState(article?.url ?? "");
  const [questionsText, setQuestionsText] = useState(questionsToText(article?.questions ?? []));
  const [published, setPublished] = useState(article?.published ?? true);
  const [status, setStatus] = useState<{ kind: "error" | "saved"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    const { questions, error } = parseQuestions(questionsText);
    if (error) return setStatus({ kind: "error", text: error });
    if (!title.trim() || !body.trim()) return setStatus({ kind: "error", text: "An article needs a title and a body." });
    const fields = { title: title.trim(), body: body.trim(), language, category: category || null, url: url.trim() || null, questions, published };
    setBusy(true);
    setStatus(null);
    try {
      const result = article ? await api.updateArticle(article.id, fields) : await api.createArticle(fields);
      setQuestionsText(questionsToText(result.article.questions));
      setStatus({ kind: "saved", text: "Saved." });
      onSaved(result.article);
    } catch (failure) {
      setStatus({ kind: "error", text: describeError(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card article-editor" onSubmit={save} data-testid="article-editor">
      <div class="field">
        <label for="article-title">Title</label>
        <input id="article-title" class="input" value={title} onInput={(event) => setTitle(event.currentTarget.value)} data-testid="article-title" />
      </div>
      <div class="field">
        <label for="article-language">Language</label>
        <select id="article-language" class="input inline" value={language} onChange={(event) => setLanguage(event.currentTarget.value as ArticleLanguage)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        <label for="article-category"> Category </label>
        <select id="article-category" class="input inline" value={category} onChange={(event) => setCategory(event.currentTarget.value as AICategory | "")}>
          <option value="">none</option>
          {AI_CATEGORIES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="article-questions">Example questions, one per line</label>
        <textarea
          id="article-questions"
          class="input"
          rows={5}
          value={questionsText}
          onInput={(event) => setQuestionsText(event.currentTarget.value)}
          aria-describedby="article-questions-hint"
          data-testid="article-questions"
        />
        <span id="article-questions-hint" class="field-hint">
          How visitors ask what this article answers, in its language (up to 20). The AI matches messages against them as strongly as the title.
        </span>
      </div>
      <div class="field">
        <label for="article-body">Body</label>
        <textarea id="article-body" class="input" rows={10} value={body} onInput={(event) => setBody(event.currentTarget.value)} data-testid="article-body" />
      </div>
      <div class="field">
        <label for="article-url">Link (optional)</label>
        <input id="article-url" class="input" inputMode="url" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={published} onChange={(event) => setPublished(event.currentTarget.checked)} /> Published
      </label>
      {status && (
        <p class={status.kind === "error" ? "field-error" : "field-hint"} role={status.kind === "error" ? "alert" : "status"} data-testid="article-status">
          {status.text}
        </p>
      )}
      <div class="save-actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="article-save">
          {article ? "Save article" : "Create article"}
        </button>
      </div>
    </form>
  );
}
