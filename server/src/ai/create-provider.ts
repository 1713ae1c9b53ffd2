/** Picks the AI provider from configuration: a model server when an API key is set, else the built-in one. */
import { BuiltinProvider } from "./builtin-provider.ts";
import { OpenAIProvider } from "./openai-provider.ts";
import type { AIProvider } from "./provider.ts";

export interface ProviderConfig {
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  embeddingModel?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Strings no answer may contain (e.g. HUMMDESK_SECRET); the API key is always included. */
  secrets?: string[];
  /** Built-in provider only: pause between streamed words, for demos. */
  builtinDelayMs?: number;
}

export function createProvider(config: ProviderConfig = {}): AIProvider {
  const secrets = config.secrets ?? [];
  if (config.apiKey) {
    const { apiKey, baseUrl, model, embeddingModel, timeoutMs, maxRetries } = config;
    return new OpenAIProvider({ apiKey, baseUrl, model, embeddingModel, timeoutMs, maxRetries, secrets });
  }
  return new BuiltinProvider({ secrets, delayMs: config.builtinDelayMs ?? 0 });
}
