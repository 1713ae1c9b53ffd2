/** The editable copy of a knowledge-base article (configurator and desk), checked by the shared
 * `ArticleCreateRequest` schema so a wrong field gets a sentence before anything is sent. */
import { type AICategory, ArticleCreateRequest, type ArticleUpdateRequest, type KnowledgeBaseArticle } from "@hummdesk/shared";
import { parseQuestions, questionsToText } from "./article-questions.ts";
import { articleProblemOf, fieldMessage, serverIssues } from "./field-messages.ts";
import type { FieldErrors } from "./inbox-form.ts";

/** Articles are written in the languages visitors use; "other" is for classification only. */
export type ArticleLanguage = "fi" | "sv" | "en";
export const ARTICLE_LANGUAGES: readonly ArticleLanguage[] = ["fi", "sv", "en"];

export interface ArticleForm {
  title: string;
  body: string;
  language: ArticleLanguage;
  category: AICategory | "";
  url: string;
  /** Example questions, one per line. */
  questionsText: string;
  published: boolean;
}

export type ArticleCheck = { ok: true; request: ArticleUpdateRequest } | { ok: false; errors: FieldErrors };

export function formFromArticle(article: KnowledgeBaseArticle | null): ArticleForm {
  const language = article?.language;
  return {
    title: article?.title ?? "",
    body: article?.body ?? "",
    language: language === "sv" || language === "en" ? language : "fi",
    category: article?.category ?? "",
    url: article?.url ?? "",
    questionsText: questionsToText(article?.questions ?? []),
    published: article?.published ?? true,
  };
}

/** Every field as the API spells it: trimmed, blank lines and blank link dropped. */
export function articleRequestBody(form: ArticleForm): ArticleCreateRequest & { language: ArticleLanguage } {
  return {
    title: form.title.trim(),
    body: form.body.trim(),
    language: form.language,
    category: form.category || null,
    url: form.url.trim() || null,
    questions: parseQuestions(form.questionsText),
    published: form.published,
  };
}

/** A schema path as a form field: every problem with one question belongs to the questions box. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path[0] === "questions" ? "questions" : path.map(String).join(".");
}

function sentence(form: ArticleForm, path: readonly PropertyKey[], code: string | undefined): string {
  const problem = articleProblemOf(path.map(String).join("."), code);
  const count = articleRequestBody(form).questions.length;
  return fieldMessage(problem, { number: problem === "tooManyQuestions" ? count : typeof path[1] === "number" ? path[1] + 1 : undefined });
}

/**
 * Validates the whole form; the request names only the fields that differ from `saved` (all of
 * them for a new article), so the audit log shows what the editor changed.
 */
export function checkArticleForm(form: ArticleForm, saved?: ArticleForm): ArticleCheck {
  const body = articleRequestBody(form);
  const parsed = ArticleCreateRequest.safeParse(body);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= sentence(form, issue.path, issue.code);
    return { ok: false, errors };
  }
  if (!saved) return { ok: true, request: body };
  const before = articleRequestBody(saved) as Record<string, unknown>;
  const changed = Object.fromEntries(Object.entries(body).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])));
  return { ok: true, request: changed as ArticleUpdateRequest };
}

/** Field errors from a refused save's `details`, in the same sentences as `checkArticleForm`. */
export function articleErrorsFromServer(form: ArticleForm, details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of serverIssues(details)) {
    const path = issue.path.map((part) => (typeof part === "string" && /^\d+$/.test(part) ? Number(part) : part));
    errors[fieldOf(path)] ??= sentence(form, path, issue.code);
  }
  return errors;
}
