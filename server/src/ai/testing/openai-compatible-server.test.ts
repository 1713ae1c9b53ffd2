import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClassificationMessages, buildDraftMessages } from "../prompt.ts";
import { RETURNS_FI } from "./kb-fixtures.ts";
import { hashedEmbedding, type OpenAICompatibleServer, startOpenAICompatibleServer } from "./openai-compatible-server.ts";

let server: OpenAICompatibleServer;
beforeAll(async () => {
  server = await startOpenAICompatibleServer({ models: ["m"] });
});
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the local OpenAI-compatible server", () => {
  it("streams real SSE chat.completion.chunk frames ending with [DONE]", async () => {
    const messages = buildDraftMessages({ question: "Miten palautan tuotteen?", language: "fi", passages: [RETURNS_FI], history: [], accountName: "K-Rauta" });
    const response = await post("/chat/completions", { model: "m", stream: true, messages });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const raw = await response.text();
    const frames = raw.split("\n\n").filter(Boolean);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.replace(/^data: /, "")));
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
    const text = chunks.map((chunk) => chunk.choices[0].delta.content ?? "").join("");
    expect(text).toContain("Voit palauttaa käyttämättömän tuotteen");
    expect(chunks.at(-1).choices[0].finish_reason).toBe("stop");
  });

  it("answers a classification request with JSON derived from the visitor's message", async () => {
    const messages = buildClassificationMessages({ text: "Missä tilaukseni on?", fallbackLanguage: "fi" });
    const response = await post("/chat/completions", { model: "m", messages, response_format: { type: "json_schema" } });
    const body = await response.json();
    expect(JSON.parse(body.choices[0].message.content)).toMatchObject({ language: "fi", category: "order_status" });
    expect(server.requests.at(-1)?.body).toMatchObject({ model: "m", messages });
  });

  it("lists its models and refuses others with 404 model_not_found", async () => {
    const models = await (await fetch(`${server.url}/models`)).json();
    expect(models.data.map((model: { id: string }) => model.id)).toEqual(["m"]);
    const missing = await post("/chat/completions", { model: "other", messages: [] });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("model_not_found");
  });

  it("returns deterministic unit embeddings, as floats or base64", async () => {
    const floats = await (await post("/embeddings", { model: "m", input: ["a b", "c"], encoding_format: "float" })).json();
    expect(floats.data[0].embedding).toEqual(hashedEmbedding("a b", 64));
    const base64 = await (await post("/embeddings", { model: "m", input: "a b", encoding_format: "base64" })).json();
    const bytes = Buffer.from(base64.data[0].embedding, "base64");
    const decoded = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    for (const [index, value] of decoded.entries()) expect(value).toBeCloseTo(floats.data[0].embedding[index], 6);
  });
});
