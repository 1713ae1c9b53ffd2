/**
 * The second line of defence behind the prompt: removes system-prompt lines and secrets from a
 * produced answer, whole or while it streams, whatever a model or an article managed to inject.
 */

export interface SanitizeOptions {
  /** Strings that must never reach a visitor: API keys, signing secrets. Shorter than 6 chars are ignored. */
  secrets: readonly string[];
  /** Extra lines to strip, normally the system prompts' lines (prompt.ts passes them). */
  forbiddenLines?: readonly string[];
}

const MIN_SECRET_LENGTH = 6;
// Shorter prompt lines are ordinary phrases; stripping them would damage honest answers.
const MIN_LINE_LENGTH = 24;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function forbiddenPatterns(options: SanitizeOptions): { patterns: RegExp[]; longest: number; texts: string[] } {
  const secrets = options.secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  const lines = (options.forbiddenLines ?? []).map((line) => line.trim()).filter((line) => line.length >= MIN_LINE_LENGTH);
  const texts = [...lines, ...secrets].sort((a, b) => b.length - a.length);
  // Whitespace inside a prompt line may come back re-wrapped: any run of whitespace matches.
  const patterns = texts.map((text) => new RegExp(escapeRegExp(text).replace(/\s+/g, "\\s+"), "gi"));
  return { patterns, longest: texts.reduce((max, text) => Math.max(max, text.length), 0), texts };
}

function stripAll(text: string, patterns: readonly RegExp[]): string {
  let result = text;
  for (let pass = 0; pass < 5; pass++) {
    // Removing one occurrence can join the halves of another: repeat until nothing changes.
    const next = patterns.reduce((current, pattern) => current.replace(pattern, ""), result);
    if (next === result) break;
    result = next;
  }
  return result;
}

export function sanitizeAnswer(text: string, options: SanitizeOptions): string {
  const { patterns } = forbiddenPatterns(options);
  const stripped = stripAll(text, patterns);
  return stripped === text ? text : stripped.replace(/[ \t]{2,}/g, " ").replace(/\n{3,}/g, "\n\n").trim();
}

export interface StreamSanitizer {
  /** Takes the next chunk; returns what is safe to show now (possibly ""). */
  push(chunk: string): string;
  /** Returns whatever was held back once the stream has ended. */
  flush(): string;
}

/**
 * Sanitises a stream without waiting for its end: text is held back only while its tail could
 * still grow into a forbidden string, so a secret split across chunks is caught too.
 */
export function createStreamSanitizer(options: SanitizeOptions): StreamSanitizer {
  const { patterns, texts } = forbiddenPatterns(options);
  const lowered = texts.map((text) => text.toLowerCase().replace(/\s+/g, " "));
  let pending = "";

  function heldBackFrom(buffer: string): number {
    const lower = buffer.toLowerCase().replace(/\s/g, " ");
    for (let start = 0; start < lower.length; start++) {
      const tail = lower.slice(start);
      if (lowered.some((text) => text.startsWith(tail.replace(/ +/g, " ")))) return start;
    }
    return buffer.length;
  }

  return {
    push(chunk) {
      if (patterns.length === 0) return chunk;
      pending = stripAll(pending + chunk, patterns);
      const cut = heldBackFrom(pending);
      const safe = pending.slice(0, cut);
      pending = pending.slice(cut);
      return safe;
    },
    flush() {
      const rest = stripAll(pending, patterns);
      pending = "";
      return rest;
    },
  };
}
