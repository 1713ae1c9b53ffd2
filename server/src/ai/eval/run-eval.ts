/** `pnpm eval`: the AI evaluation on the labelled set (README.md beside this file). Prints the
 * measures for the tuning and the held-out part with the built-in provider; `--openai` adds the
 * held-out part through the `openai` provider against the local OpenAI-compatible test server;
 * `--json` prints machine-readable results; `--mistakes` lists the TUNING part's mistakes (never
 * the held-out part's). */
import { parseArgs } from "node:util";
import { BuiltinProvider } from "../builtin-provider.ts";
import { OpenAIProvider } from "../openai-provider.ts";
import type { AIProvider } from "../provider.ts";
import { startOpenAICompatibleServer } from "../testing/openai-compatible-server.ts";
import { computeMetrics, type EvalMetrics, isConfidentlyWrong, isCorrectAnswer, type MessageOutcome } from "./eval-metrics.ts";
import { HELD_OUT_THRESHOLDS, meetsThreshold } from "./eval-thresholds.ts";
import { type EvalTarget, evaluatePipeline } from "./evaluate-pipeline.ts";
import { type LabelledSetPart, type LabelledVisitorMessage, loadLabelledSet } from "./labelled-set.ts";
import { openEvalTarget } from "./open-eval-target.ts";

export interface PartResult {
  part: LabelledSetPart;
  provider: string;
  metrics: EvalMetrics;
  seconds: number;
}

/** Runs one part through a fresh seeded database; a warm-up message first (not counted). */
export async function evaluatePart(part: LabelledSetPart, provider: AIProvider, target?: EvalTarget): Promise<{ result: PartResult; labels: LabelledVisitorMessage[]; outcomes: MessageOutcome[] }> {
  const labels = loadLabelledSet(part);
  const owned = target ? null : await openEvalTarget();
  const on = target ?? owned!;
  try {
    const started = performance.now();
    await evaluatePipeline(on, provider, [{ text: "Hei, miten voin seurata tilaustani?", language: "fi", category: "order_status", kind: "answerable", articles: ["order-status-fi"], fact: "Omat tilaukset" }]);
    const outcomes = await evaluatePipeline(on, provider, labels);
    const metrics = computeMetrics(labels, outcomes);
    return { result: { part, provider: `${provider.name}:${provider.model}`, metrics, seconds: (performance.now() - started) / 1000 }, labels, outcomes };
  } finally {
    await owned?.close();
  }
}

const show = (value: number | null, unit = "") => (value === null ? "–" : `${value}${unit}`);

function table(columns: PartResult[]): string {
  const rows: string[][] = [["measure", "target (held-out)", ...columns.map((c) => `${c.part} (${c.provider}, n=${c.metrics.messages})`)]];
  for (const threshold of HELD_OUT_THRESHOLDS) {
    rows.push([
      threshold.label,
      `${threshold.kind === "min" ? ">=" : "<="} ${threshold.value}`,
      ...columns.map((c) => `${show(c.metrics[threshold.metric] as number | null)}${meetsThreshold(c.metrics, threshold) ? "" : "  ✗"}`),
    ]);
  }
  rows.push(["hand-off requests honoured %", "", ...columns.map((c) => show(c.metrics.handoffRequestsHonouredPct))]);
  rows.push(["small talk kept (no hand-off, no article) %", "", ...columns.map((c) => show(c.metrics.smalltalkKeptPct))]);
  rows.push(["auto-replies / hand-off claims / failed jobs", "", ...columns.map((c) => `${c.metrics.autoReplies} / ${c.metrics.handoffClaims} / ${c.metrics.failures}`)]);
  rows.push(["first AI text p90 ms", "", ...columns.map((c) => show(c.metrics.firstTextP90Ms))]);
  rows.push(["run time s", "", ...columns.map((c) => c.seconds.toFixed(1))]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

function tuningMistakes(labels: LabelledVisitorMessage[], outcomes: MessageOutcome[]): string[] {
  return labels.flatMap((label, i) => {
    const o = outcomes[i]!;
    const problems = [
      o.language !== label.language ? `language ${o.language}` : null,
      o.category !== label.category ? `category ${o.category}` : null,
      label.kind === "answerable" && !label.articles.includes(o.draftCitations[0] ?? "") ? `top citation ${o.draftCitations[0] ?? "none"}` : null,
      label.kind === "answerable" && !isCorrectAnswer(label, o) ? (o.reply ? "auto-reply lacks the fact or article" : "not auto-replied") : null,
      isConfidentlyWrong(label, o) ? "CONFIDENTLY WRONG" : null,
      label.kind === "smalltalk" && o.handedOff ? "small talk handed off" : null,
      label.kind === "handoff" && !o.handedOff ? "request for a person not handed off" : null,
    ].filter(Boolean);
    return problems.length ? [`  [${label.language}/${label.kind}/${label.category}] ${JSON.stringify(label.text)}: ${problems.join(", ")}`] : [];
  });
}

async function main() {
  const { values } = parseArgs({ options: { json: { type: "boolean" }, openai: { type: "boolean" }, mistakes: { type: "boolean" } } });
  const builtin = new BuiltinProvider({ delayMs: 0 });
  // One database for every run: each message comes from a new visitor in its own conversation.
  const target = await openEvalTarget();
  const columns: PartResult[] = [];
  let tuning: Awaited<ReturnType<typeof evaluatePart>>;
  let heldOut: Awaited<ReturnType<typeof evaluatePart>>;
  try {
    tuning = await evaluatePart("tuning", builtin, target);
    heldOut = await evaluatePart("held-out", builtin, target);
    columns.push(tuning.result, heldOut.result);
    if (values.openai) {
      const model = await startOpenAICompatibleServer({ mode: "ok" });
      try {
        const provider = new OpenAIProvider({ apiKey: "sk-local-eval", baseUrl: model.url, model: "local-test-model" });
        columns.push((await evaluatePart("held-out", provider, target)).result);
      } finally {
        await model.close();
      }
    }
  } finally {
    await target.close();
  }
  const heldOutPasses = HELD_OUT_THRESHOLDS.every((t) => meetsThreshold(heldOut.result.metrics, t));
  if (values.json) {
    console.log(JSON.stringify({ thresholds: HELD_OUT_THRESHOLDS, heldOutPasses, results: columns }, null, 2));
    return;
  }
  console.log(table(columns));
  console.log(`\nheld-out part (built-in): ${heldOutPasses ? "meets every target" : "misses a target (✗)"}`);
  if (values.openai) {
    console.log(
      "model path: the openai provider (prompt, SSE stream, citations, gating) against server/src/ai/testing's local server, whose 'model' answers with the built-in composition of the prompt's articles and the built-in classification: it measures the model path's plumbing, not a real model's judgement.",
    );
  }
  if (values.mistakes) console.log(`\ntuning-part mistakes:\n${tuningMistakes(tuning.labels, tuning.outcomes).join("\n")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
