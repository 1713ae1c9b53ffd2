import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadLanguageDetector } from "./detect-language.ts";
import { classifyMessage } from "./classify-message.ts";
import { OpenAIProvider, type OpenAIProviderOptions } from "./openai-provider.ts";
import { DRAFT_SYSTEM_PROMPT } from "./prompt.ts";
import { AIProviderError, type DraftInput } from "./provider.ts";
import { INJECTION_INSTRUCTION, injectionArticle, OPENING_HOURS_EN, RETURNS_EN, RETURNS_FI } from "./testing/kb-fixtures.ts";
import { type OpenAICompatibleServer, startOpenAICompatibleServer } from "./testing/openai-compatible-server.ts";

beforeAll(() => loadLanguageDetector());

const API_KEY = "sk-hummdesk-test-key-0123456789";
const MODEL = "hummdesk-test";

let server: OpenAICompatibleServer;
const provider = (options: Partial<OpenAIProviderOptions> = {}) =>
  new OpenAIProvider({ apiKey: API_KEY, baseUrl: server.url, model: MODEL, maxRetries: 0, timeoutMs: 2000, ...options });

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of stream) pieces.push(piece);
  return pieces;
}

async function providerError(promise: Promise<unknown>): Promise<AIProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AIProviderError);
  return error as AIProviderError;
}

const returnsQuestion: DraftInput = {
  question: "How do I return a product?",
  language: "en",
  passages: [RETURNS_EN, OPENING_HOURS_EN, RETURNS_FI, { ...RETURNS_EN, articleId: 50 }],
  history: [{ role: "visitor", content: "hello" }],
  accountName: "K-Rauta",
};

beforeAll(async () => {
  server = await startOpenAICompatibleServer({ models: [MODEL, "hummdesk-embed"], apiKey: API_KEY });
});
afterEach(() => {
  server.setMode("ok", { tokenDelayMs: 0, chunks: undefined, classification: undefined });
  server.requests.length = 0;
});
afterAll(() => server.close());

describe("OpenAIProvider against an OpenAI-compatible server", () => {
  it("classifies with a strict JSON schema and returns the validated result", async () => {
    const text = "Jag vill returnera en trasig borrmaskin";
    const result = await provider().classify({ text, fallbackLanguage: "fi" });
    // The schema's fields only: a model's reading carries no lexicon score.
    const { lexicalEvidence: _lexicon, ...expected } = classifyMessage({ text, fallbackLanguage: "fi" });
    expect(result).toEqual(expected);
    const body = server.requests[0]?.body as { response_format: { type: string; json_schema: { strict: boolean } } };
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(server.requests[0]?.authorized).toBe(true);
  });

  it("streams a draft whose chunks join to the full answer, citing the top three passages", async () => {
    server.setMode("ok", { tokenDelayMs: 2 });
    const draft = await provider().draft(returnsQuestion);
    const pieces = await collect(draft.stream);
    expect(pieces.length).toBeGreaterThan(10);
    const text = pieces.join("");
    expect(text).toMatch(/^Thanks for your question!/);
    expect(text).toContain("You can return an unused product within 30 days of purchase.");
    expect(draft.citations.map((c) => c.articleId)).toEqual([31, 32, 11]);

    const body = server.requests[0]?.body as { stream: boolean; messages: { role: string; content: string }[] };
    expect(body.stream).toBe(true);
    expect(body.messages[0]?.content).toBe(DRAFT_SYSTEM_PROMPT);
    expect(body.messages[1]?.content).toContain('<article number="1" id="31"');
    expect(body.messages[1]?.content).not.toContain('id="50"');
  });

  it("yields exactly the scripted chunks", async () => {
    server.setMode("ok", { chunks: ["Hei", "! Voit ", "palauttaa", " tuotteen."] });
    const pieces = await collect((await provider().draft(returnsQuestion)).stream);
    expect(pieces.join("")).toBe("Hei! Voit palauttaa tuotteen.");
  });

  it("strips a leaked secret or prompt line from the stream, even split across chunks", async () => {
    server.setMode("ok", { chunks: ["The key is sk-hummdesk", "-test-key-0123456789 and ", DRAFT_SYSTEM_PROMPT.split("\n")[5] ?? "", " bye"] });
    const text = (await collect((await provider().draft(returnsQuestion)).stream)).join("");
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain("Never reveal");
    expect(text).toContain("bye");
  });

  it("keeps an injection article inside its data block in the prompt", async () => {
    const article = injectionArticle("internal-secret-value", "x");
    await collect((await provider().draft({ ...returnsQuestion, passages: [article] })).stream);
    const body = server.requests[0]?.body as { messages: { role: string; content: string }[] };
    expect(body.messages[0]?.content).not.toContain(INJECTION_INSTRUCTION);
    const user = body.messages[1]?.content ?? "";
    const inside = user.match(/<article[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? "";
    expect(inside).toContain(INJECTION_INSTRUCTION);
    expect(user.replace(/<article[^>]*>[\s\S]*?<\/article>/, "")).not.toContain(INJECTION_INSTRUCTION);
  });

  it("embeds texts when an embedding model is configured", async () => {
    const embedder = provider({ embeddingModel: "hummdesk-embed" });
    const vectors = await embedder.embed?.(["palautus 30 päivää", "opening hours"]);
    expect(vectors).toHaveLength(2);
    expect(vectors?.[0]).toHaveLength(64);
    expect(Math.hypot(...(vectors?.[0] ?? []))).toBeCloseTo(1, 5);
    expect(await embedder.embed?.(["palautus 30 päivää"])).toEqual([vectors?.[0]]);
    expect(provider().embed).toBeUndefined();
  });
});

describe("OpenAIProvider errors", () => {
  it("reports an unreachable server after retrying", async () => {
    server.setMode("down");
    const error = await providerError(provider({ maxRetries: 2 }).classify({ text: "hei", fallbackLanguage: "fi" }));
    expect(error.code).toBe("unreachable");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(server.url);
    expect(server.requests).toHaveLength(3);
  });

  it("reports a refused connection as unreachable", async () => {
    const gone = await startOpenAICompatibleServer();
    const url = gone.url;
    await gone.close();
    const error = await providerError(provider({ baseUrl: url }).draft(returnsQuestion));
    expect(error.code).toBe("unreachable");
  });

  it("times out a server slower than the timeout", async () => {
    server.setMode("slow", { slowMs: 3000 });
    const started = performance.now();
    const error = await providerError(provider({ timeoutMs: 200 }).classify({ text: "hei", fallbackLanguage: "fi" }));
    expect(error.code).toBe("timeout");
    expect(error.retryable).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("times out a stream that stalls between chunks", async () => {
    server.setMode("ok", { tokenDelayMs: 600 });
    const draft = await provider({ timeoutMs: 150 }).draft(returnsQuestion);
    const error = await providerError(collect(draft.stream));
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/stopped streaming/);
  });

  it("rejects a classification that is not JSON", async () => {
    server.setMode("garbage");
    const error = await providerError(provider().classify({ text: "hei", fallbackLanguage: "fi" }));
    expect(error.code).toBe("bad_response");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/not JSON/);
  });

  it("rejects a classification that does not fit the schema", async () => {
    server.setMode("ok", { classification: { category: "gardening", confidence: 7 } });
    const error = await providerError(provider().classify({ text: "hei", fallbackLanguage: "fi" }));
    expect(error.code).toBe("bad_response");
    expect(error.message).toContain("category");
    expect(error.message).toContain("confidence");
  });

  it("rejects a stream of garbage", async () => {
    server.setMode("garbage");
    const draft = await provider().draft(returnsQuestion);
    const error = await providerError(collect(draft.stream));
    expect(error.code).toBe("bad_response");
  });

  it("names the missing model", async () => {
    const error = await providerError(provider({ model: "llama-9000" }).classify({ text: "hei", fallbackLanguage: "fi" }));
    expect(error.code).toBe("model_not_found");
    expect(error.message).toContain("'llama-9000'");
    expect(error.retryable).toBe(false);
  });

  it("reports a wrong API key without revealing it", async () => {
    const wrongKey = "sk-wrong-key-should-never-be-printed";
    const error = await providerError(provider({ apiKey: wrongKey }).classify({ text: "hei", fallbackLanguage: "fi" }));
    expect(error.code).toBe("auth");
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).toContain("OPENAI_API_KEY");
  });

  it("recovers when the server fails first and then answers", async () => {
    server.setMode("fail-then-ok", { failures: 2 });
    const result = await provider({ maxRetries: 2 }).classify({ text: "Where is my order 1234?", fallbackLanguage: "fi" });
    expect(result.category).toBe("order_status");
    expect(server.requests).toHaveLength(3);
  });

  it("passes the caller's abort through instead of wrapping it", async () => {
    server.setMode("slow", { slowMs: 3000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const outcome = await provider().classify({ text: "hei", fallbackLanguage: "fi" }, controller.signal).catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(AIProviderError);
    expect(controller.signal.aborted).toBe(true);
  });
});
