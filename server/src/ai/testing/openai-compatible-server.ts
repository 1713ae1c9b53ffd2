/**
 * A real local HTTP server speaking the OpenAI API (chat completions with and without SSE
 * streaming, models, embeddings), scripted per instance, for tests and benchmarks. Its answers
 * are derived from the request, so the same request always gets the same reply.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { classifyMessage } from "../classify-message.ts";
import { loadLanguageDetector } from "../detect-language.ts";
import { composeAnswer } from "../compose-answer.ts";
import { unescapeData } from "../prompt.ts";
import type { ClassificationResult, Passage } from "../provider.ts";
import { wordPieces } from "../stream-words.ts";

export type ServerMode = "ok" | "down" | "slow" | "garbage" | "fail-then-ok";

export interface ServerScript {
  mode?: ServerMode;
  /** Pause between streamed chunks. */
  tokenDelayMs?: number;
  /** Stream exactly these chunks instead of the answer built from the prompt's articles. */
  chunks?: string[];
  /** Fields that override the structured answer derived from the prompt's articles. */
  answer?: Partial<{ answer: string; handoff: boolean; no_answer: boolean; small_talk: boolean }>;
  /** Fields that override the classification derived from the visitor's message. */
  classification?: Partial<ClassificationResult> | Record<string, unknown>;
  /** 'fail-then-ok': how many requests fail with HTTP 503 first (default 1). */
  failures?: number;
  /** 'slow': how long the server waits before answering (default 5000 ms). */
  slowMs?: number;
  /** Models the server knows; any other gets HTTP 404. Unset: every model exists. */
  models?: string[];
  /** When set, a request without `Authorization: Bearer <apiKey>` gets HTTP 401. */
  apiKey?: string;
  /** Length of the vectors `/v1/embeddings` returns (default 64). */
  embeddingDimensions?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorized: boolean;
}

export interface OpenAICompatibleServer {
  /** Base URL including `/v1`, ready for `new OpenAI({ baseURL })`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  setMode(mode: ServerMode, script?: Omit<ServerScript, "mode">): void;
  close(): Promise<void>;
}

type ChatBody = {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: string }[];
  response_format?: { type?: string; json_schema?: { name?: string } };
};

const tag = (text: string, name: string) => text.match(new RegExp(`<${name}>\\n?([\\s\\S]*?)\\n?</${name}>`))?.[1];

function lastUserMessage(body: ChatBody): string {
  return [...(body.messages ?? [])].reverse().find((message) => message.role === "user")?.content ?? "";
}

function classificationFor(body: ChatBody, overrides: ServerScript["classification"]): Record<string, unknown> {
  const prompt = lastUserMessage(body);
  const text = unescapeData(tag(prompt, "visitor_message") ?? prompt);
  const fallback = tag(prompt, "fallback_language");
  const fallbackLanguage = fallback === "sv" || fallback === "en" ? fallback : "fi";
  return { ...classifyMessage({ text, fallbackLanguage }), ...overrides };
}

function passagesIn(prompt: string): Passage[] {
  const articles = [...prompt.matchAll(/<article ([^>]*)>\n?([\s\S]*?)\n?<\/article>/g)];
  return articles.map(([, attributes = "", body = ""], index) => {
    const attribute = (name: string) => unescapeData(attributes.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? "");
    const language = attribute("language");
    return {
      articleId: Number(attribute("id")) || index + 1,
      title: attribute("title"),
      body: unescapeData(body),
      url: attribute("url") || null,
      language: language === "fi" || language === "sv" || language === "en" ? language : "other",
      score: 1,
    };
  });
}

/** The answer a model would write: the built-in composition from the prompt's own articles. */
function composedFor(body: ChatBody) {
  const prompt = lastUserMessage(body);
  const language = tag(prompt, "reply_language")?.match(/\((fi|sv|en)\)/)?.[1] ?? "en";
  const passages = passagesIn(prompt);
  const composed = composeAnswer({
    question: unescapeData(tag(prompt, "visitor_message") ?? prompt),
    language: language as "fi" | "sv" | "en",
    passages,
    history: [],
    accountName: unescapeData(tag(prompt, "shop_name") ?? "the shop"),
  });
  return { composed, passages };
}

function answerFor(body: ChatBody): string {
  return composedFor(body).composed.text;
}

/** A structured answer (response_format "answer"): the text cites what it quoted as [n]. */
function structuredAnswerFor(body: ChatBody, overrides: ServerScript["answer"]): string {
  const { composed, passages } = composedFor(body);
  const markers = composed.citations.map((c) => `[${passages.findIndex((p) => p.articleId === c.articleId) + 1}]`).join("");
  const parts = composed.text.split("\n\n");
  // The markers follow the quoted text, before the closing line.
  if (markers && parts.length > 1) parts.splice(parts.length - 1, 0, markers);
  return JSON.stringify({
    answer: parts.join("\n\n"),
    handoff: false,
    no_answer: composed.kind === "no_answer",
    small_talk: composed.kind === "small_talk",
    ...overrides,
  });
}

/** Deterministic bag-of-words vector: each word adds ±1 to a hashed slot, then unit length. */
export function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 0x811c9dc5;
    for (const char of word) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    const slot = hash % dimensions;
    vector[slot] = (vector[slot] ?? 0) + (hash & 0x80000000 ? -1 : 1);
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function sendJson(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(payload));
}

function apiError(response: ServerResponse, status: number, message: string, code: string, headers?: Record<string, string>) {
  sendJson(response, status, { error: { message, type: "invalid_request_error", param: null, code } }, headers);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startOpenAICompatibleServer(initial: ServerScript = {}): Promise<OpenAICompatibleServer> {
  // Its "model" classifies with the built-in classifier.
  await loadLanguageDetector();
  let script: ServerScript = { ...initial };
  let failuresLeft = script.failures ?? 1;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function streamChat(response: ServerResponse, body: ChatBody, pieces: string[]): Promise<void> {
    const id = `chatcmpl-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const frame = (delta: Record<string, string>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    response.write(frame({ role: "assistant", content: "" }, null));
    for (const [index, piece] of pieces.entries()) {
      if (index > 0 && script.tokenDelayMs) await wait(script.tokenDelayMs);
      if (closed || response.socket?.destroyed !== false) return;
      response.write(frame({ content: piece }, null));
    }
    response.write(frame({}, "stop"));
    response.end("data: [DONE]\n\n");
  }

  async function chat(response: ServerResponse, body: ChatBody, mode: ServerMode): Promise<void> {
    const schema = body.response_format?.type === "json_schema" ? (body.response_format.json_schema?.name ?? "classification") : null;
    const isClassification = schema === "classification";
    if (mode === "garbage") {
      if (body.stream) {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.end("data: {this is not json\n\ndata: [DONE]\n\n");
      } else {
        const content = isClassification ? "Sure! The category is probably delivery." : "";
        sendJson(response, 200, { id: "chatcmpl-garbage", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] });
      }
      return;
    }
    const content = isClassification
      ? JSON.stringify(classificationFor(body, script.classification))
      : schema === "answer"
        ? structuredAnswerFor(body, script.answer)
        : answerFor(body);
    if (body.stream) return streamChat(response, body, script.chunks ?? wordPieces(content));
    sendJson(response, 200, {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: script.chunks?.join("") ?? content, refusal: null }, finish_reason: "stop" }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }

  function embeddings(response: ServerResponse, body: { model?: string; input?: string | string[]; encoding_format?: string }) {
    const dimensions = script.embeddingDimensions ?? 64;
    const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ""];
    const data = inputs.map((input, index) => {
      const vector = hashedEmbedding(String(input), dimensions);
      const embedding =
        body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
      return { object: "embedding", index, embedding };
    });
    sendJson(response, 200, { object: "list", data, model: body.model, usage: { prompt_tokens: 0, total_tokens: 0 } });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const authorized = !script.apiKey || request.headers.authorization === `Bearer ${script.apiKey}`;
    requests.push({ method: request.method ?? "GET", path, body, authorized });
    const mode = script.mode ?? "ok";

    if (mode === "down") {
      request.socket.destroy();
      return;
    }
    if (mode === "slow") await wait(script.slowMs ?? 5000);
    if (closed || response.socket?.destroyed !== false) return;
    if (mode === "fail-then-ok" && failuresLeft > 0) {
      failuresLeft--;
      apiError(response, 503, "The server is warming up, try again", "server_unavailable", { "retry-after-ms": "10" });
      return;
    }
    if (!authorized) return apiError(response, 401, "Incorrect API key provided.", "invalid_api_key");

    const model = (body as { model?: unknown } | null)?.model;
    if (typeof model === "string" && script.models && !script.models.includes(model)) {
      return apiError(response, 404, `The model \`${model}\` does not exist or you do not have access to it.`, "model_not_found");
    }
    if (request.method === "GET" && path === "/v1/models") {
      const ids = script.models ?? ["hummdesk-test"];
      return sendJson(response, 200, { object: "list", data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "hummdesk" })) });
    }
    if (request.method === "POST" && path === "/v1/chat/completions") return chat(response, body as ChatBody, mode);
    if (request.method === "POST" && path === "/v1/embeddings") return embeddings(response, body as never);
    apiError(response, 404, `No route ${request.method} ${path}`, "unknown_url");
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) apiError(response, 500, String(error), "server_error");
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(mode, next = {}) {
      script = { ...script, ...next, mode };
      failuresLeft = script.failures ?? 1;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Short name used in the brief: `start({ mode: "ok" })`. */
export const start = startOpenAICompatibleServer;
