/** Turns whatever the `openai` client throws into an AIProviderError that says what to fix. */
import OpenAI from "openai";
import { AIProviderError } from "./provider.ts";

export interface ErrorContext {
  model: string;
  baseUrl: string;
  /** Removed from any message that might echo it. */
  apiKey: string;
}

function redact(message: string, apiKey: string): string {
  return apiKey.length >= 4 ? message.split(apiKey).join("[redacted]") : message;
}

export function isAbort(error: unknown): boolean {
  return (
    error instanceof OpenAI.APIUserAbortError ||
    (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError") && !(error instanceof OpenAI.APIConnectionTimeoutError))
  );
}

export function toProviderError(error: unknown, context: ErrorContext): AIProviderError {
  if (error instanceof AIProviderError) return error;
  const where = `the AI server at ${context.baseUrl}`;
  const detail = redact(error instanceof Error ? error.message : String(error), context.apiKey);
  const make = (code: ConstructorParameters<typeof AIProviderError>[0], message: string, retryable?: boolean) =>
    new AIProviderError(code, redact(message, context.apiKey), { cause: error, ...(retryable === undefined ? {} : { retryable }) });

  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return make("timeout", `${where} did not answer in time (model '${context.model}'); raise the timeout or check the server's load`);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return make("unreachable", `${where} is unreachable (${detail}); check OPENAI_BASE_URL and that the server is running`);
  }
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return make("auth", `${where} refused the API key (HTTP ${error.status}); check OPENAI_API_KEY`);
  }
  if (error instanceof OpenAI.NotFoundError) {
    return make("model_not_found", `model '${context.model}' was not found at ${context.baseUrl} (HTTP 404: ${detail}); check HUMMDESK_AI_MODEL`);
  }
  if (error instanceof OpenAI.RateLimitError || (error instanceof OpenAI.APIError && (error.status ?? 0) >= 500)) {
    return make("unreachable", `${where} answered HTTP ${error.status} (${detail}); try again later`, true);
  }
  if (error instanceof OpenAI.APIError) {
    return make("bad_response", `${where} rejected the request for model '${context.model}' (HTTP ${error.status ?? "?"}: ${detail})`);
  }
  if (error instanceof SyntaxError) {
    return make("bad_response", `${where} sent a stream that is not valid JSON (${detail})`);
  }
  return make("bad_response", `${where} failed unexpectedly: ${detail}`);
}
