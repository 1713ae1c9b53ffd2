/**
 * The provider used when no model is configured: lexicon classification and answers composed
 * from the knowledge base, streamed word by word through the same path as a model's tokens.
 */
import { classifyMessage } from "./classify-message.ts";
import { loadLanguageDetector } from "./detect-language.ts";
import { composeAnswer } from "./compose-answer.ts";
import { sanitizeAnswer } from "./prompt.ts";
import { type AIProvider, BUILTIN_MODEL, type ClassificationResult, type ClassifyInput, type DraftInput, type DraftOutcome, type DraftResult } from "./provider.ts";
import { streamWords } from "./stream-words.ts";

export interface BuiltinProviderOptions {
  /** Pause between streamed words, for demos; 0 (the default) in tests. */
  delayMs?: number;
  /** Strings that must never appear in an answer (the server's signing secret, API keys). */
  secrets?: string[];
}

export class BuiltinProvider implements AIProvider {
  readonly name = "builtin";
  readonly model = BUILTIN_MODEL;
  readonly #delayMs: number;
  readonly #secrets: string[];

  constructor(options: BuiltinProviderOptions = {}) {
    this.#delayMs = options.delayMs ?? 0;
    this.#secrets = options.secrets ?? [];
  }

  async classify(input: ClassifyInput, signal?: AbortSignal): Promise<ClassificationResult> {
    signal?.throwIfAborted();
    await loadLanguageDetector();
    return classifyMessage(input);
  }

  async draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult> {
    signal?.throwIfAborted();
    const answer = composeAnswer(input);
    const text = sanitizeAnswer(answer.text, { secrets: this.#secrets });
    const outcome: DraftOutcome = { kind: answer.kind, grounded: answer.grounded, support: answer.support, citations: answer.citations };
    return { citations: answer.citations, stream: streamWords(text, { delayMs: this.#delayMs, signal }), early: outcome, outcome: async () => outcome };
  }
}
