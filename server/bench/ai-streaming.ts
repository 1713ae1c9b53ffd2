/** 5. AI streaming overhead: the local OpenAI-compatible server as the model (it runs in this
 * process, so the moment it writes each SSE chunk is noted here) against the `ai.answer.delta`
 * frames an agent's desk receives in an auto-reply inbox (time to the first delta, and the jitter),
 * and the time until the visitor has the finished answer. A model's answer is checked whole (the
 * evidence gate) before the visitor sees it, so its deltas stream to the desk only. */
import { ServerResponse } from "node:http";
import { loadClassifierDataset } from "../src/ai/evaluate-classifier.ts";
import { startOpenAICompatibleServer } from "../src/ai/testing/openai-compatible-server.ts";
import { benchSecret } from "./message-load.ts";
import {
  clientMessageId,
  createVisitor,
  HttpClient,
  KRAUTA_AGENT,
  KRAUTA_WEBSITE_TOKEN,
  login,
  openAgentSocket,
  openVisitorSocket,
  type ReceivedFrame,
  sendVisitorMessage,
} from "./hummdesk-client.ts";
import { fmt, ms } from "./report.ts";
import { checkAborted, type Section } from "./section.ts";
import { startBenchServer } from "./server-process.ts";
import { gaps, mean, summarize } from "./stats.ts";

const MESSAGES = 30;
const TOKEN_DELAY_MS = 20;

interface StreamTrace {
  /** When the server wrote each chunk carrying answer text (performance.now()). */
  contentAt: number[];
}

/** Notes the time of every SSE chunk any ServerResponse in this process writes (only the model
 * server answers HTTP here); returns the traces, newest last, and a function that stops watching. */
function watchSseWrites(): { traces: StreamTrace[]; restore(): void } {
  const traces: StreamTrace[] = [];
  const byResponse = new WeakMap<ServerResponse, StreamTrace>();
  const original = ServerResponse.prototype.write;
  const patched = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === "string" && chunk.startsWith("data: {")) {
      const at = performance.now();
      let trace = byResponse.get(this);
      if (!trace) {
        trace = { contentAt: [] };
        byResponse.set(this, trace);
        traces.push(trace);
      }
      try {
        const parsed = JSON.parse(chunk.slice(6)) as { choices?: { delta?: { content?: string } }[] };
        if (parsed.choices?.[0]?.delta?.content) trace.contentAt.push(at);
      } catch {
        // Not a JSON chunk: not one of the model's.
      }
    }
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  };
  ServerResponse.prototype.write = patched as typeof original;
  return { traces, restore: () => (ServerResponse.prototype.write = original) };
}

interface Answer {
  postToFirstDeltaMs: number;
  firstChunkToFirstDeltaMs: number;
  /** null: the evidence gate kept the answer for the agents. */
  postToVisitorAnswerMs: number | null;
  modelGaps: number[];
  deskGaps: number[];
  chunks: number;
  deltas: number;
}

export const aiStreamingSection: Section = {
  id: "ai-streaming",
  title: "5. AI streaming overhead",
  timeoutMs: 180_000,
  async run({ log, defer, postgres: startPostgres, signal }) {
    const model = await startOpenAICompatibleServer({
      mode: "ok",
      tokenDelayMs: TOKEN_DELAY_MS,
      // Every message confidently answerable, so each one streams to the visitor.
      classification: { confidence: 0.95, sentiment: "neutral", handoffRequested: false },
    });
    defer(() => model.close());
    const watch = watchSseWrites();
    defer(() => watch.restore());

    const pg = await startPostgres();
    const url = await pg.createDatabase("bench_ai");
    log(`starting a server process on PostgreSQL with the local model (${TOKEN_DELAY_MS} ms between chunks)`);
    const server = await startBenchServer({
      env: { DATABASE_URL: url, HUMMDESK_SECRET: benchSecret(), OPENAI_API_KEY: "sk-local", OPENAI_BASE_URL: model.url, HUMMDESK_AI_MODEL: "bench-model", HUMMDESK_WORKERS: "1",
        // Measured from the moment the job may run: the 2 s window that lets a typing visitor's
        // burst be answered once is left out.
        HUMMDESK_AI_BURST_MS: "0" },
    });
    defer(() => server.stop());
    const client = new HttpClient(server.url, 4);
    defer(() => client.close());
    const agent = await login(client, KRAUTA_AGENT);
    const desk = await openAgentSocket(server.url, agent, true);
    defer(() => desk.close());

    const dataset = loadClassifierDataset();
    const questions = Array.from({ length: MESSAGES + 1 }, (_, i) => dataset[(i * 5) % dataset.length]?.text ?? "Miten palautus toimii?");
    const answers: Answer[] = [];
    const failures: string[] = [];
    for (let i = 0; i <= MESSAGES; i++) {
      checkAborted(signal);
      const visitor = await createVisitor(client, KRAUTA_WEBSITE_TOKEN, 2_000_000 + i);
      const socket = await openVisitorSocket(server.url, visitor, true);
      try {
        const tracesBefore = watch.traces.length;
        let conversationId = -1;
        const ours = (frame: ReceivedFrame) => frame.data?.conversationId === conversationId;
        const completed = desk.next((frame) => frame.type === "ai.answer.completed" && ours(frame), 30_000);
        const answered = socket.next((frame) => frame.type === "message.created" && frame.data?.senderType === "ai", 30_000);
        const started = performance.now();
        const sent = await sendVisitorMessage(client, visitor, clientMessageId("ai", i), questions[i] as string);
        if (sent.status !== 201) throw new Error(`message answered ${sent.status}`);
        conversationId = sent.body.message.conversationId;
        await completed;
        // An answer the gate keeps for the agents (a hand-off instead) never reaches the visitor.
        const atVisitor = await Promise.race([answered, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500))]);
        const deltas = desk.frames.filter((frame) => frame.type === "ai.answer.delta" && ours(frame)).sort((a, b) => a.data.index - b.data.index);
        const trace = watch.traces[tracesBefore];
        if (!trace || trace.contentAt.length === 0) throw new Error("the model server streamed no answer for this message");
        if (deltas.length === 0) throw new Error("the desk received no ai.answer.delta");
        // The first message warms the worker, the model client and the connection up: not counted.
        if (i === 0) continue;
        const arrivals = deltas.map((frame) => frame.at);
        answers.push({
          postToFirstDeltaMs: (arrivals[0] as number) - started,
          firstChunkToFirstDeltaMs: (arrivals[0] as number) - (trace.contentAt[0] as number),
          postToVisitorAnswerMs: atVisitor ? atVisitor.at - started : null,
          modelGaps: gaps(trace.contentAt),
          deskGaps: gaps(arrivals),
          chunks: trace.contentAt.length,
          deltas: deltas.length,
        });
      } catch (error) {
        failures.push(`message ${i}: ${error instanceof Error ? error.message : String(error)}`);
        if (failures.length > 5) throw new Error(`too many failures: ${failures.join("; ")}`);
      } finally {
        socket.close();
        desk.frames.length = 0;
      }
      if (i % 10 === 0) log(`${i}/${MESSAGES} answers streamed`);
    }

    const firstDelta = summarize(answers.map((a) => a.firstChunkToFirstDeltaMs));
    const postToFirst = summarize(answers.map((a) => a.postToFirstDeltaMs));
    const modelGaps = summarize(answers.flatMap((a) => a.modelGaps));
    const deskGaps = summarize(answers.flatMap((a) => a.deskGaps));
    const toVisitor = summarize(answers.flatMap((a) => (a.postToVisitorAnswerMs === null ? [] : [a.postToVisitorAnswerMs])));
    const chunksPerDelta = mean(answers.map((a) => a.chunks / a.deltas));
    return {
      tables: [
        {
          columns: ["measure", "p50", "p99", "mean", "std dev", "samples"],
          rows: [
            ["model writes its first text chunk → first `ai.answer.delta` at the desk", ms(firstDelta.p50), ms(firstDelta.p99), ms(firstDelta.mean), ms(firstDelta.stdDev), String(firstDelta.n)],
            ["visitor POST → first `ai.answer.delta` at the desk (classify, retrieve, draft)", ms(postToFirst.p50), ms(postToFirst.p99), ms(postToFirst.mean), ms(postToFirst.stdDev), String(postToFirst.n)],
            ["visitor POST → the checked answer at the visitor (`message.created`)", ms(toVisitor.p50), ms(toVisitor.p99), ms(toVisitor.mean), ms(toVisitor.stdDev), String(toVisitor.n)],
            ["gap between the model's text chunks", ms(modelGaps.p50), ms(modelGaps.p99), ms(modelGaps.mean), ms(modelGaps.stdDev), String(modelGaps.n)],
            ["gap between deltas at the desk", ms(deskGaps.p50), ms(deskGaps.p99), ms(deskGaps.mean), ms(deskGaps.stdDev), String(deskGaps.n)],
          ],
        },
      ],
      notes: [
        `${answers.length} messages, one at a time, each from a new visitor in the seeded auto-reply inbox; one more before them warms up and is not counted. The model is server/src/ai/testing/openai-compatible-server.ts in the bench process (mode ok, ${TOKEN_DELAY_MS} ms between chunks, classification forced confident and neutral so no message is handed off for its tone; the evidence gate still keeps ${answers.length - toVisitor.n} of the answers for the agents); the server process uses it through OPENAI_BASE_URL (HUMMDESK_AI_MODEL=bench-model, one worker) on the embedded PostgreSQL.`,
        "Chunk times are taken by wrapping ServerResponse.prototype.write in the bench process (the model server is the only HTTP server there); delta times when the frame reaches the agent's `ws` socket (Aino's desk, one socket for the run) in the same process, so both share one clock. With a model the visitor gets the answer whole, once it passed the evidence gate (every number in it found in the cited articles); the built-in provider's answers stream to the visitor as written.",
        `The server batches deltas (a flush when a piece arrives 30 ms or more after the last flush, or at 400 characters): on average ${fmt(chunksPerDelta, 1)} model chunks per delta, so delta gaps are not the model's ${TOKEN_DELAY_MS} ms.`,
        ...failures.map((failure) => `Failed: ${failure}`),
      ],
      figures: {
        messages: answers.length,
        tokenDelayMs: TOKEN_DELAY_MS,
        firstChunkToFirstDeltaMs: firstDelta,
        postToFirstDeltaMs: postToFirst,
        modelChunkGapMs: modelGaps,
        deskDeltaGapMs: deskGaps,
        postToVisitorAnswerMs: toVisitor,
        chunksPerDelta,
        answers: answers.map(({ modelGaps: _m, deskGaps: _d, ...rest }) => rest),
        failures,
      },
    };
  },
};
