/** The targets of issue 10 on the held-out part (built-in provider): `pnpm eval` marks each
 * measure against them and the CI gate (held-out-gate.test.ts) fails under them. */
import type { EvalMetrics } from "./eval-metrics.ts";

export interface Threshold {
  metric: keyof EvalMetrics;
  label: string;
  /** "min": the measure must be at least `value`; "max": at most. */
  kind: "min" | "max";
  value: number;
}

export const HELD_OUT_THRESHOLDS: Threshold[] = [
  { metric: "languagePct", label: "language %", kind: "min", value: 98 },
  { metric: "categoryPct", label: "category %", kind: "min", value: 90 },
  { metric: "topCitationPct", label: "top citation is expected %", kind: "min", value: 90 },
  { metric: "offTopicPct", label: "off-topic citation % of auto-replies", kind: "max", value: 10 },
  { metric: "answeredCorrectlyPct", label: "answerable auto-answered correctly %", kind: "min", value: 80 },
  { metric: "confidentlyWrongPct", label: "confidently wrong % of all messages", kind: "max", value: 2 },
  { metric: "handoffHonestyPct", label: "hand-off claims that are real hand-offs %", kind: "min", value: 100 },
  { metric: "firstTextP50Ms", label: "first AI text p50 ms (stream delay 0)", kind: "max", value: 150 },
];

/** Whether a measure meets its threshold (a measure with nothing to measure, null, passes). */
export function meetsThreshold(metrics: EvalMetrics, threshold: Threshold): boolean {
  const value = metrics[threshold.metric];
  if (value === null) return true;
  if (typeof value !== "number") return false;
  return threshold.kind === "min" ? value >= threshold.value : value <= threshold.value;
}
