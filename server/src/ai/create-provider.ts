/** Picks the AI provider from configuration: a model server when an API key is set, else the built-in one.
 * Either loads its code on first use, not at start: the openai client, and the built-in provider's
 * lexicons and stemmers, are a good part of what a start would otherwise import. */
import { type AIProvider, BUILTIN_MODEL, DEFAULT_OPENAI_MODEL } from "./provider.ts";

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

type Identity = Pick<AIProvider, "name" | "model" | "embeddingModel">;

/** Stands in for the provider `load` makes, which is made at the first call; its name, model and
 * embeddings model are known before (jobs and stored embeddings are keyed by them). */
export function lazyProvider(identity: Identity, load: () => Promise<AIProvider>): AIProvider {
  let loading: Promise<AIProvider> | null = null;
  const provider = () =>
    (loading ??= load().then((loaded) => {
      if (loaded.name !== identity.name || loaded.model !== identity.model || loaded.embeddingModel !== identity.embeddingModel) {
        throw new Error(`the AI provider loaded as ${loaded.name}:${loaded.model}, not ${identity.name}:${identity.model} as announced`);
      }
      return loaded;
    }));
  return {
    ...identity,
    classify: async (input, signal) => (await provider()).classify(input, signal),
    draft: async (input, signal) => (await provider()).draft(input, signal),
    ...(identity.embeddingModel ? { embed: async (texts: string[], signal?: AbortSignal) => (await provider()).embed!(texts, signal) } : {}),
  };
}

export function createProvider(config: ProviderConfig = {}): AIProvider {
  const secrets = config.secrets ?? [];
  if (config.apiKey) {
    const { apiKey, baseUrl, model, embeddingModel, timeoutMs, maxRetries } = config;
    const identity = { name: "openai", model: model ?? DEFAULT_OPENAI_MODEL, ...(embeddingModel ? { embeddingModel } : {}) };
    return lazyProvider(identity, async () => {
      const { OpenAIProvider } = await import("./openai-provider.ts");
      return new OpenAIProvider({ apiKey, baseUrl, model, embeddingModel, timeoutMs, maxRetries, secrets });
    });
  }
  return lazyProvider({ name: "builtin", model: BUILTIN_MODEL }, async () => {
    const { BuiltinProvider } = await import("./builtin-provider.ts");
    return new BuiltinProvider({ secrets, delayMs: config.builtinDelayMs ?? 0 });
  });
}
