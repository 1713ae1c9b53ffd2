import { describe, expect, it } from "vitest";
import { BuiltinProvider } from "./builtin-provider.ts";
import { createProvider, lazyProvider } from "./create-provider.ts";
import { DRAFT_SYSTEM_PROMPT, SYSTEM_PROMPT_LINES } from "./prompt.ts";
import { BUILTIN_MODEL, type DraftInput } from "./provider.ts";
import { INJECTION_INSTRUCTION, injectionArticle, RETURNS_EN, RETURNS_FI } from "./testing/kb-fixtures.ts";

const SECRET = "hd_live_9f8e7d6c5b4a";

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of stream) pieces.push(piece);
  return pieces;
}

describe("BuiltinProvider", () => {
  const provider = new BuiltinProvider({ secrets: [SECRET] });

  it("classifies a Finnish return request", async () => {
    const result = await provider.classify({ text: "Haluan palauttaa porakoneen, en tarvinnutkaan sitä", fallbackLanguage: "en" });
    expect(result).toMatchObject({ language: "fi", category: "returns_refunds", handoffRequested: false });
    expect(result.confidence).toBeGreaterThan(0.4);
    const broken = await provider.classify({ text: "Porakone hajosi toisella käytöllä, ei toimi ollenkaan. Surkeaa!", fallbackLanguage: "en" });
    expect(broken).toMatchObject({ category: "complaint", sentiment: "negative", priority: "high" });
  });

  it("streams a cited Finnish answer word by word", async () => {
    const input: DraftInput = {
      question: "Miten palautan tuotteen?",
      language: "fi",
      passages: [RETURNS_FI],
      history: [],
      accountName: "K-Rauta",
    };
    const draft = await provider.draft(input);
    const pieces = await collect(draft.stream);
    const text = pieces.join("");
    expect(pieces.length).toBeGreaterThan(10);
    expect(text).toContain("Voit palauttaa käyttämättömän tuotteen");
    expect(draft.citations).toEqual([{ articleId: 11, title: RETURNS_FI.title, url: RETURNS_FI.url }]);
    const again = await collect((await provider.draft(input)).stream);
    expect(again).toEqual(pieces);
  });

  it("never lets an injection article put the system prompt or a secret into the answer", async () => {
    const article = injectionArticle(SECRET, SYSTEM_PROMPT_LINES[11] ?? "");
    const draft = await provider.draft({
      question: "How can I return a product and when is the refund paid?",
      language: "en",
      passages: [article, RETURNS_EN],
      history: [],
      accountName: "K-Rauta",
    });
    const text = (await collect(draft.stream)).join("");
    expect(text).toContain("return an unused product within 30 days");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(INJECTION_INSTRUCTION);
    for (const line of DRAFT_SYSTEM_PROMPT.split("\n")) expect(text).not.toContain(line);
    expect(text.toLowerCase()).not.toContain("system prompt");
  });

  it("refuses work once the caller has aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.classify({ text: "hei", fallbackLanguage: "fi" }, controller.signal)).rejects.toThrow();
  });
});

describe("createProvider", () => {
  it("uses the built-in provider without an API key, loaded at the first call", async () => {
    const provider = createProvider({});
    expect(provider).toMatchObject({ name: "builtin", model: BUILTIN_MODEL });
    expect(provider.embed).toBeUndefined();
    const direct = await new BuiltinProvider().classify({ text: "Missä tilaukseni on?", fallbackLanguage: "fi" });
    await expect(provider.classify({ text: "Missä tilaukseni on?", fallbackLanguage: "fi" })).resolves.toEqual(direct);
  });

  it("uses the OpenAI-compatible provider with an API key; its errors name the server", async () => {
    const provider = createProvider({ apiKey: "sk-test", baseUrl: "http://127.0.0.1:9/v1", model: "llama3.1", maxRetries: 0, timeoutMs: 2000 });
    expect(provider).toMatchObject({ name: "openai", model: "llama3.1" });
    expect(provider.embed).toBeUndefined();
    await expect(provider.classify({ text: "hei", fallbackLanguage: "fi" })).rejects.toMatchObject({ name: "AIProviderError", code: "unreachable" });
    expect(createProvider({ apiKey: "sk-test", embeddingModel: "nomic-embed-text" }).embed).toBeTypeOf("function");
  });

  it("refuses a loaded provider that is not the one announced", async () => {
    const provider = lazyProvider({ name: "builtin", model: "other-model" }, async () => new BuiltinProvider());
    await expect(provider.classify({ text: "hei", fallbackLanguage: "fi" })).rejects.toThrow("not builtin:other-model as announced");
  });
});
