/**
 * The provider for any OpenAI-compatible server (OpenAI, Azure, Ollama, vLLM) through the `openai`
 * package: structured-output classification checked with zod, and streamed structured drafts
 * (answer text with [n] citation markers, hand-off and no-answer flags) judged when they end.
 */
import { AICategory, type Citation, Language, Priority, Sentiment } from "@hummdesk/shared";
import OpenAI from "openai";
import { z } from "zod";
import { type ErrorContext, isAbort, toProviderError } from "./openai-errors.ts";
import {
  answerSanitizeOptions,
  buildClassificationMessages,
  buildDraftMessages,
  CLASSIFICATION_JSON_SCHEMA,
  promptPassages,
} from "./prompt.ts";
import {
  type AIProvider,
  AIProviderError,
  type ClassificationResult,
  type ClassifyInput,
  type DraftInput,
  type DraftOutcome,
  type DraftResult,
  DEFAULT_OPENAI_MODEL,
} from "./provider.ts";
import { createStreamSanitizer } from "./sanitize-answer.ts";
import { ANSWER_JSON_SCHEMA, createAnswerExtractor, judgeModelAnswer } from "./structured-answer.ts";

export interface OpenAIProviderOptions {
  apiKey: string;
  /** e.g. http://localhost:11434/v1 for Ollama; the OpenAI API when left out. */
  baseUrl?: string;
  model?: string;
  /** Enables `embed`; without it the provider has no embeddings. */
  embeddingModel?: string;
  /** Per request, and the longest silence allowed between two streamed chunks. */
  timeoutMs?: number;
  maxRetries?: number;
  /** Strings that must never reach a visitor besides the API key itself. */
  secrets?: string[];
}

const DEFAULT_BASE_URL = "https://api.openai.com/v1";
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
/** An answer of about 120 words, with room for the JSON around it. */
const DEFAULT_MAX_TOKENS = 500;
const CLASSIFICATION_MAX_TOKENS = 200;

const ModelClassification = z.object({
  language: Language,
  category: AICategory,
  priority: Priority,
  sentiment: Sentiment,
  confidence: z.number().min(0).max(1),
  handoffRequested: z.boolean(),
});

export class OpenAIProvider implements AIProvider {
  readonly name = "openai";
  readonly model: string;
  readonly embed?: (texts: string[], signal?: AbortSignal) => Promise<number[][]>;
  readonly embeddingModel?: string;
  readonly #client: OpenAI;
  readonly #context: ErrorContext;
  readonly #timeoutMs: number;
  readonly #secrets: string[];

  constructor(options: OpenAIProviderOptions) {
    this.model = options.model ?? DEFAULT_OPENAI_MODEL;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: baseUrl,
      timeout: this.#timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      // Failures surface as AIProviderError with the detail; the client's own logging would print
      // model output (and visitor text) to stderr.
      logLevel: "off",
    });
    this.#context = { model: this.model, baseUrl, apiKey: options.apiKey };
    this.#secrets = [options.apiKey, ...(options.secrets ?? [])];
    const embeddingModel = options.embeddingModel;
    if (embeddingModel) {
      this.embeddingModel = embeddingModel;
      this.embed = (texts, signal) => this.#embed(embeddingModel, texts, signal);
    }
  }

  async classify(input: ClassifyInput, signal?: AbortSignal): Promise<ClassificationResult> {
    let content: string | null | undefined;
    try {
      const completion = await this.#client.chat.completions.create(
        {
          model: this.model,
          messages: buildClassificationMessages(input),
          max_tokens: CLASSIFICATION_MAX_TOKENS,
          response_format: {
            type: "json_schema",
            json_schema: { name: "classification", strict: true, schema: CLASSIFICATION_JSON_SCHEMA },
          },
        },
        { signal },
      );
      content = completion.choices[0]?.message?.content;
    } catch (error) {
      if (isAbort(error)) throw error;
      throw toProviderError(error, this.#context);
    }
    return this.#parseClassification(content);
  }

  #parseClassification(content: string | null | undefined): ClassificationResult {
    const excerpt = JSON.stringify((content ?? "").slice(0, 80));
    let json: unknown;
    try {
      json = JSON.parse(content ?? "");
    } catch {
      throw new AIProviderError("bad_response", `model '${this.model}' answered the classification with text that is not JSON: ${excerpt}`);
    }
    const parsed = ModelClassification.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
      throw new AIProviderError("bad_response", `model '${this.model}' answered a classification that does not fit the schema (${problems})`);
    }
    return parsed.data;
  }

  async draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult> {
    const passages = promptPassages(input.passages);
    const citations: Citation[] = passages.map((p) => ({ articleId: p.articleId, title: p.title, url: p.url }));
    const idle = new AbortController();
    const requestSignal = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
    let chunks: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
    try {
      chunks = await this.#client.chat.completions.create(
        // No temperature: reasoning models refuse any but the default, and every server has one.
        {
          model: this.model,
          messages: buildDraftMessages(input),
          stream: true,
          max_tokens: input.maxTokens ?? DEFAULT_MAX_TOKENS,
          response_format: { type: "json_schema", json_schema: { name: "answer", strict: true, schema: ANSWER_JSON_SCHEMA } },
        },
        { signal: requestSignal },
      );
    } catch (error) {
      if (isAbort(error)) throw error;
      throw toProviderError(error, this.#context);
    }
    let settle: (outcome: DraftOutcome) => void = () => {};
    const settled = new Promise<DraftOutcome>((resolve) => {
      settle = resolve;
    });
    const stream = this.#deltas(chunks, idle, signal, (raw, visible) => settle(judgeModelAnswer(raw, visible, passages)));
    return { citations, stream, outcome: () => settled };
  }

  async *#deltas(
    chunks: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>,
    idle: AbortController,
    signal: AbortSignal | undefined,
    onEnd: (raw: string, visible: string) => void,
  ): AsyncGenerator<string> {
    const sanitizer = createStreamSanitizer(answerSanitizeOptions(this.#secrets));
    const extractor = createAnswerExtractor();
    let visible = "";
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), this.#timeoutMs);
    };
    try {
      arm();
      for await (const chunk of chunks) {
        arm();
        const delta = chunk.choices[0]?.delta?.content;
        const text = delta ? extractor.push(delta) : "";
        const safe = text ? sanitizer.push(text) : "";
        if (safe) {
          visible += safe;
          yield safe;
        }
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (idle.signal.aborted) throw this.#stalled();
      if (isAbort(error)) throw error;
      throw toProviderError(error, this.#context);
    } finally {
      clearTimeout(timer);
    }
    // The client ends an aborted stream quietly; say why it ended early.
    if (signal?.aborted) throw signal.reason;
    if (idle.signal.aborted) throw this.#stalled();
    const rest = sanitizer.flush();
    if (rest) {
      visible += rest;
      yield rest;
    }
    onEnd(extractor.raw, visible);
  }

  #stalled(): AIProviderError {
    return new AIProviderError(
      "timeout",
      `the AI server at ${this.#context.baseUrl} stopped streaming for ${this.#timeoutMs} ms (model '${this.model}')`,
    );
  }

  async #embed(model: string, texts: string[], signal?: AbortSignal): Promise<number[][]> {
    if (texts.length === 0) return [];
    try {
      const response = await this.#client.embeddings.create({ model, input: texts }, { signal });
      return [...response.data].sort((a, b) => a.index - b.index).map((item) => Array.from(item.embedding));
    } catch (error) {
      if (isAbort(error)) throw error;
      throw toProviderError(error, { ...this.#context, model });
    }
  }
}
