/** One knowledge-base article's form (configurator and desk): title, body, link, language,
 * category, example questions one per line; field errors as sentences beside the field; delete
 * behind a confirmation. */
import { AI_CATEGORIES, type AICategory, type KnowledgeBaseArticle } from "@hummdesk/shared";
import { useMemo, useRef, useState } from "preact/hooks";
import { ApiError, type ApiClient, describeError } from "../api-client.ts";
import "./article-editor.css";
import { ARTICLE_LANGUAGES, type ArticleForm, type ArticleLanguage, articleErrorsFromServer, articleRequestBody, checkArticleForm, formFromArticle } from "./article-form.ts";
import { FieldError, invalidProps } from "./field-error.tsx";
import type { FieldErrors } from "./inbox-form.ts";

export interface ArticleEditorProps {
  api: ApiClient;
  /** null: a new article. */
  article: KnowledgeBaseArticle | null;
  onSaved(article: KnowledgeBaseArticle): void;
  /** Given: the editor offers to delete a saved article. */
  onDeleted?(articleId: number): void;
}

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "saved" } | { kind: "error"; message: string };

export function ArticleEditor({ api, article, onSaved, onDeleted }: ArticleEditorProps) {
  const [saved, setSaved] = useState(() => formFromArticle(article));
  const [form, setForm] = useState(saved);
  const [savedArticle, setSavedArticle] = useState(article);
  const [validateLive, setValidateLive] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const formElement = useRef<HTMLFormElement>(null);

  const check = useMemo(() => checkArticleForm(form, savedArticle ? saved : undefined), [form, saved, savedArticle]);
  const errors: FieldErrors = validateLive && !check.ok ? { ...serverErrors, ...check.errors } : serverErrors;

  function change(changes: Partial<ArticleForm>) {
    setForm((current) => ({ ...current, ...changes }));
    setServerErrors({});
    if (status.kind !== "busy") setStatus({ kind: "idle" });
  }

  function focusFirstInvalid() {
    requestAnimationFrame(() => formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    setValidateLive(true);
    if (!check.ok) {
      const count = Object.keys(check.errors).length;
      setStatus({ kind: "error", message: `Nothing was saved: ${count === 1 ? "1 field needs" : `${count} fields need`} fixing.` });
      focusFirstInvalid();
      return;
    }
    setStatus({ kind: "busy" });
    try {
      const result = savedArticle ? await api.updateArticle(savedArticle.id, check.request) : await api.createArticle(articleRequestBody(form));
      const next = formFromArticle(result.article);
      setSaved(next);
      setForm(next);
      setSavedArticle(result.article);
      setServerErrors({});
      setValidateLive(false);
      setStatus({ kind: "saved" });
      onSaved(result.article);
    } catch (failure) {
      const fieldErrors = failure instanceof ApiError ? articleErrorsFromServer(form, failure.details) : {};
      setServerErrors(fieldErrors);
      setStatus({ kind: "error", message: `Nothing was saved: ${describeError(failure)}` });
      if (Object.keys(fieldErrors).length > 0) focusFirstInvalid();
    }
  }

  async function remove() {
    if (!savedArticle || !onDeleted) return;
    setStatus({ kind: "busy" });
    try {
      await api.deleteArticle(savedArticle.id);
      confirmDialog.current?.close();
      onDeleted(savedArticle.id);
    } catch (failure) {
      confirmDialog.current?.close();
      setStatus({ kind: "error", message: `The article was not deleted: ${describeError(failure)}` });
    }
  }

  const busy = status.kind === "busy";
  return (
    <form ref={formElement} class="card article-editor" onSubmit={save} noValidate data-testid="article-editor">
      <div class="field">
        <label for="article-title">Title</label>
        <input
          id="article-title"
          class="input"
          value={form.title}
          onInput={(event) => change({ title: event.currentTarget.value })}
          {...invalidProps(errors, "title")}
          data-testid="article-title"
        />
        <FieldError errors={errors} path="title" />
      </div>
      <div class="field article-choices">
        <span>
          <label for="article-language">Language</label>{" "}
          <select id="article-language" class="input inline" value={form.language} onChange={(event) => change({ language: event.currentTarget.value as ArticleLanguage })} data-testid="article-language">
            {ARTICLE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label for="article-category">Category</label>{" "}
          <select id="article-category" class="input inline" value={form.category} onChange={(event) => change({ category: event.currentTarget.value as AICategory | "" })} data-testid="article-category">
            <option value="">none</option>
            {AI_CATEGORIES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </span>
      </div>
      <div class="field">
        <label for="article-questions">Example questions, one per line</label>
        <textarea
          id="article-questions"
          class="input"
          rows={5}
          value={form.questionsText}
          onInput={(event) => change({ questionsText: event.currentTarget.value })}
          {...invalidProps(errors, "questions", "article-questions-hint")}
          data-testid="article-questions"
        />
        <span id="article-questions-hint" class="field-hint">
          How visitors ask what this article answers, in its language (up to 20). The AI matches messages against them as strongly as the title.
        </span>
        <FieldError errors={errors} path="questions" />
      </div>
      <div class="field">
        <label for="article-body">Body</label>
        <textarea id="article-body" class="input" rows={10} value={form.body} onInput={(event) => change({ body: event.currentTarget.value })} {...invalidProps(errors, "body")} data-testid="article-body" />
        <FieldError errors={errors} path="body" />
      </div>
      <div class="field">
        <label for="article-url">Link (optional)</label>
        <input id="article-url" class="input" inputMode="url" value={form.url} onInput={(event) => change({ url: event.currentTarget.value })} {...invalidProps(errors, "url")} data-testid="article-url" />
        <FieldError errors={errors} path="url" />
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={form.published} onChange={(event) => change({ published: event.currentTarget.checked })} /> Published
      </label>
      {status.kind === "error" && (
        <p class="field-error" role="alert" data-testid="article-status">
          {status.message}
        </p>
      )}
      {status.kind === "saved" && (
        <p class="field-hint" role="status" data-testid="article-status">
          Saved. The AI answers from this version now.
        </p>
      )}
      <div class="save-actions">
        {savedArticle && onDeleted && (
          <button type="button" class="button danger" disabled={busy} onClick={() => confirmDialog.current?.showModal()} data-testid="article-delete">
            Delete…
          </button>
        )}
        <button type="submit" class="button primary" disabled={busy} data-testid="article-save">
          {savedArticle ? "Save article" : "Create article"}
        </button>
      </div>
      {savedArticle && onDeleted && (
        <dialog ref={confirmDialog} class="small-dialog confirm-dialog" aria-labelledby="article-delete-title" aria-describedby="article-delete-text" data-testid="article-delete-dialog">
          <h2 id="article-delete-title">Delete this article?</h2>
          <p id="article-delete-text">
            “{savedArticle.title}” is removed from the knowledge base and the AI stops answering from it at once. This cannot be undone.
          </p>
          <div class="save-actions">
            <button type="button" class="button" onClick={() => confirmDialog.current?.close()} data-testid="article-delete-cancel">
              Cancel
            </button>
            <button type="button" class="button danger" disabled={busy} onClick={() => void remove()} data-testid="article-delete-confirm">
              Delete article
            </button>
          </div>
        </dialog>
      )}
    </form>
  );
}
