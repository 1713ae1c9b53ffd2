/** The one AI extension point: every provider classifies, drafts a streamed answer and may embed. */
import type { AICategory, Citation, Language, Priority, Sentiment } from "@hummdesk/shared";

export interface ClassifyInput {
  text: string;
  /** Earlier visitor messages of the conversation, oldest first. */
  history?: string[];
  /** The inbox's locale: used when the message is too short to tell ("Hi!", "Moi", "Hej"). */
  fallbackLanguage: "fi" | "sv" | "en";
}

export interface ClassificationResult {
  language: Language;
  category: AICategory;
  priority: Priority;
  sentiment: Sentiment;
  /** 0..1 */
  confidence: number;
  handoffRequested: boolean;
}

/** A knowledge-base article found for the question, ranked best first by the caller. */
export interface Passage {
  articleId: number;
  title: string;
  body: string;
  url: string | null;
  language: Language;
  score: number;
}

export interface DraftInput {
  question: string;
  /** The visitor's language: the answer is written in it ("other" answers in English). */
  language: Language;
  passages: Passage[];
  history: { role: "visitor" | "agent" | "ai"; content: string }[];
  accountName: string;
}

export interface DraftResult {
  citations: Citation[];
  /** The answer in pieces; joined they are the whole answer. Iterate once. */
  stream: AsyncIterable<string>;
}

export interface AIProvider {
  readonly name: string;
  readonly model: string;
  /** The embeddings model behind `embed`, when there is one (stored embeddings are keyed by it). */
  readonly embeddingModel?: string;
  classify(input: ClassifyInput, signal?: AbortSignal): Promise<ClassificationResult>;
  draft(input: DraftInput, signal?: AbortSignal): Promise<DraftResult>;
  embed?(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

export type AIProviderErrorCode = "unreachable" | "timeout" | "bad_response" | "model_not_found" | "auth";

// Worth trying again later: the server may come back; a wrong key or model will not fix itself.
const RETRYABLE: Record<AIProviderErrorCode, boolean> = {
  unreachable: true,
  timeout: true,
  bad_response: false,
  model_not_found: false,
  auth: false,
};

export class AIProviderError extends Error {
  override readonly name = "AIProviderError";
  readonly code: AIProviderErrorCode;
  readonly retryable: boolean;

  constructor(code: AIProviderErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE[code];
  }
}
