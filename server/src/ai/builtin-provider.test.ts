import { describe, expect, it } from "vitest";
import { BuiltinProvider } from "./builtin-provider.ts";
import { createProvider } from "./create-provider.ts";
import { OpenAIProvider } from "./openai-provider.ts";
import { DRAFT_SYSTEM_PROMPT, SYSTEM_PROMPT_LINES } from "./prompt.ts";
import type { DraftInput } from "./provider.ts";
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
  it("uses the built-in provider without an API key", () => {
    const provider = createProvider({});
    expect(provider).toBeInstanceOf(BuiltinProvider);
    expect(provider.name).toBe("builtin");
    expect(provider.embed).toBeUndefined();
  });

  it("uses the OpenAI-compatible provider with an API key", () => {
    const provider = createProvider({ apiKey: "sk-test", baseUrl: "http://127.0.0.1:9/v1", model: "llama3.1" });
    expect(provider).toBeInstanceOf(OpenAIProvider);
    expect(provider.model).toBe("llama3.1");
  });
});
