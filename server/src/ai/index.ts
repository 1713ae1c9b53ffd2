/** The AI layer's public surface: the provider interface, its two implementations and routing. */
export { BuiltinProvider, type BuiltinProviderOptions } from "./builtin-provider.ts";
export { classifyMessage } from "./classify-message.ts";
export { type ComposedAnswer, composeAnswer } from "./compose-answer.ts";
export { createProvider, type ProviderConfig } from "./create-provider.ts";
export { detectLanguage, type LanguageGuess, loadLanguageDetector } from "./detect-language.ts";
export {
  type ClassifierEvaluation,
  evaluateClassifier,
  LabelledMessage,
  loadClassifierDataset,
} from "./evaluate-classifier.ts";
export { OpenAIProvider, type OpenAIProviderOptions } from "./openai-provider.ts";
export { buildClassificationMessages, buildDraftMessages, sanitizeAnswer } from "./prompt.ts";
export {
  type AIProvider,
  AIProviderError,
  type AIProviderErrorCode,
  BUILTIN_MODEL,
  type ClassificationResult,
  type ClassifyInput,
  DEFAULT_OPENAI_MODEL,
  type DraftInput,
  type DraftResult,
  type Passage,
} from "./provider.ts";
export { type AgentCandidate, chooseAgent, chooseTeam, type TeamCandidate } from "./routing.ts";
export { streamWords } from "./stream-words.ts";
