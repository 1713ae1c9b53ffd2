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
  /** How strongly the message's own words name its category: the built-in classifier's lexicon
   * score. Absent for a model's classification, small talk and requests for a person; when it is
   * weak, the pipeline takes the category of the knowledge-base article that clearly fits
   * (reconcile-category.ts). */
  lexicalEvidence?: number;
}

/** A knowledge-base article found for the question, ranked best first by the caller. */
export interface Passage {
  articleId: number;
  title: string;
  body: string;
  url: string | null;
  language: Language;
  category?: AICategory | null;
  /** The ranker's score: compares passages of one question only. */
  score: number;
  /** 0..1: the share of the question's weighted terms the article contains (evidence). */
  support?: number;
}

export interface DraftInput {
  question: string;
  /** The visitor's language: the answer is written in it ("other" answers in English). */
  language: Language;
  /** The classified category of the question, when known. */
  category?: AICategory;
  /** The category was taken from the top article, not named by the question's words: weaker
   * evidence that the article answers it. */
  categoryFromArticle?: boolean;
  /** The classified sentiment: an upset visitor's answer opens with an apology, not a thank-you. */
  sentiment?: Sentiment;
  passages: Passage[];
  history: { role: "visitor" | "agent" | "ai"; content: string }[];
  accountName: string;
  /** Upper bound on the answer's length in model tokens. */
  maxTokens?: number;
}

/** answer: grounded in articles; small_talk: a reply in kind; no_answer / handoff: the text
 * tells the visitor the team takes over. */
export type DraftKind = "answer" | "small_talk" | "no_answer" | "handoff";

/** What a finished draft is worth: the pipeline auto-sends only what clears the evidence gate. */
export interface DraftOutcome {
  kind: DraftKind;
  /** True when the answer rests on knowledge-base articles. */
  grounded: boolean;
  /** 0..1: the evidence behind the answer (small talk: 1). */
  support: number;
  /** The articles the answer used. */
  citations: Citation[];
  /** Numbers in the answer that no cited article contains (never auto-sent when non-empty). */
  unsupportedNumbers?: string[];
}

export interface DraftResult {
  /** The articles offered to the answer; `outcome().citations` are those it used. */
  citations: Citation[];
  /** The answer in pieces; joined they are the whole answer. Iterate once. */
  stream: AsyncIterable<string>;
  /** Known before streaming (the built-in provider composes first): lets the pipeline stream a
   * sendable answer to the visitor live. */
  early?: DraftOutcome;
  /** The verdict, after the stream has been read to its end. */
  outcome(): Promise<DraftOutcome>;
}

/** The built-in provider's model name, and the model the OpenAI-compatible provider uses when none is configured. */
export const BUILTIN_MODEL = "hummdesk-builtin-1";
export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

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
