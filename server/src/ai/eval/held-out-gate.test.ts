/** The CI gate of issue 10: the built-in provider, end to end on a migrated and seeded database,
 * must meet every target on the held-out part of the labelled set (eval-thresholds.ts). It reports
 * numbers only: the held-out messages themselves are never printed (README.md). */
import { describe, expect, it } from "vitest";
import { BuiltinProvider } from "../builtin-provider.ts";
import { HELD_OUT_THRESHOLDS, meetsThreshold } from "./eval-thresholds.ts";
import { evaluatePart } from "./run-eval.ts";

describe("held-out evaluation gate (built-in provider)", () => {
  // Enabled by the lead after the ranker lands (h-a2's work on retrieval, composition and gating):
  // on the code before it, the held-out part misses most targets (see `pnpm eval`).
  it.skip("meets every target of issue 10 on the held-out part", { timeout: 600_000 }, async () => {
    const { result } = await evaluatePart("held-out", new BuiltinProvider({ delayMs: 0 }));
    const misses = HELD_OUT_THRESHOLDS.filter((t) => !meetsThreshold(result.metrics, t)).map(
      (t) => `${t.label}: ${String(result.metrics[t.metric])} (target ${t.kind === "min" ? ">=" : "<="} ${t.value})`,
    );
    console.log(`held-out, ${result.metrics.messages} messages, ${result.seconds.toFixed(1)} s: ${JSON.stringify(result.metrics)}`);
    expect(misses).toEqual([]);
  });
});
