/** The evaluation's measures, computed from what each labelled message led to (pure). */
import type { AICategory, Language } from "@hummdesk/shared";
import { containsFact } from "./contains-fact.ts";
import type { LabelledVisitorMessage } from "./labelled-set.ts";

/** What one visitor message led to, read back from the database after its AI job ran. */
export interface MessageOutcome {
  language: Language | null;
  category: AICategory | null;
  /** Citations of the message's draft, as seed slugs (an unknown article: `article:<id>`). */
  draftCitations: string[];
  /** The AI message sent to the visitor, if any (auto-reply). */
  reply: { text: string; citations: string[] } | null;
  /** The conversation is handed to a person (flag set) when the job is done. */
  handedOff: boolean;
  /** Visitor-visible messages saying a person takes over. */
  handoffClaims: number;
  /** Visitor message posted -> first AI text streamed to the visitor (ms); null when none was. */
  firstTextMs: number | null;
  /** The AI job threw (it then failed visibly, as a worker's last attempt does). */
  failed?: boolean;
}

export interface EvalMetrics {
  messages: number;
  /** Percentages 0..100 (null when nothing to measure). */
  languagePct: number;
  categoryPct: number;
  /** Answerable messages whose draft's first citation is an expected article. */
  topCitationPct: number | null;
  /** Auto-replies that cite an article not expected for the message (any article, for non-answerable kinds). */
  offTopicPct: number | null;
  /** Answerable messages auto-answered with an expected top citation and the key fact in the text. */
  answeredCorrectlyPct: number | null;
  /** Auto-replies that answer wrongly, as a share of all messages (see `isConfidentlyWrong`). */
  confidentlyWrongPct: number;
  /** Hand-off claims made to visitors whose conversation really is handed off (100 = honest). */
  handoffHonestyPct: number | null;
  /** Visitors' requests for a person that ended handed off. */
  handoffRequestsHonouredPct: number | null;
  /** Small talk that got neither a hand-off nor an article answer. */
  smalltalkKeptPct: number | null;
  autoReplies: number;
  handoffClaims: number;
  /** AI jobs that threw. */
  failures: number;
  firstTextP50Ms: number | null;
  firstTextP90Ms: number | null;
  perKind: Record<string, { messages: number; autoReplied: number; handedOff: number }>;
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

/** An answerable message auto-answered from an expected article, holding the key fact. */
export function isCorrectAnswer(label: LabelledVisitorMessage, outcome: MessageOutcome): boolean {
  if (label.kind !== "answerable" || !outcome.reply || label.fact === null) return false;
  const top = outcome.reply.citations[0] ?? outcome.draftCitations[0];
  return top !== undefined && label.articles.includes(top) && containsFact(outcome.reply.text, label.fact);
}

/** An auto-reply that answers (it is not an honest hand-off notice) but should not have: wrong
 * article or missing fact for an answerable message; any article-based answer to small talk;
 * any answer at all to a request for a person, an unanswerable question or an injection. */
export function isConfidentlyWrong(label: LabelledVisitorMessage, outcome: MessageOutcome): boolean {
  const reply = outcome.reply;
  if (!reply) return false;
  const honestHandoffNotice = outcome.handedOff && reply.citations.length === 0 && outcome.handoffClaims > 0;
  if (honestHandoffNotice) return false;
  switch (label.kind) {
    case "answerable":
      return !isCorrectAnswer(label, outcome);
    case "smalltalk":
      return reply.citations.length > 0;
    default:
      return true;
  }
}

export function computeMetrics(labels: readonly LabelledVisitorMessage[], outcomes: readonly MessageOutcome[]): EvalMetrics {
  if (labels.length !== outcomes.length) throw new Error(`${labels.length} labels but ${outcomes.length} outcomes`);
  const pairs = labels.map((label, i) => ({ label, outcome: outcomes[i]! }));
  const answerable = pairs.filter((p) => p.label.kind === "answerable");
  const replied = pairs.filter((p) => p.outcome.reply !== null);
  const offTopic = replied.filter(({ label, outcome }) => outcome.reply!.citations.some((slug) => !label.articles.includes(slug)));
  const claims = pairs.reduce((sum, p) => sum + p.outcome.handoffClaims, 0);
  const honestClaims = pairs.reduce((sum, p) => sum + (p.outcome.handedOff ? p.outcome.handoffClaims : 0), 0);
  const handoffRequests = pairs.filter((p) => p.label.kind === "handoff");
  const smalltalk = pairs.filter((p) => p.label.kind === "smalltalk");
  const latencies = pairs.map((p) => p.outcome.firstTextMs).filter((ms): ms is number => ms !== null);
  const perKind: EvalMetrics["perKind"] = {};
  for (const { label, outcome } of pairs) {
    const bucket = perKind[label.kind] ?? { messages: 0, autoReplied: 0, handedOff: 0 };
    perKind[label.kind] = bucket;
    bucket.messages++;
    if (outcome.reply) bucket.autoReplied++;
    if (outcome.handedOff) bucket.handedOff++;
  }
  return {
    messages: pairs.length,
    languagePct: pct(pairs.filter((p) => p.outcome.language === p.label.language).length, pairs.length) ?? 0,
    categoryPct: pct(pairs.filter((p) => p.outcome.category === p.label.category).length, pairs.length) ?? 0,
    topCitationPct: pct(answerable.filter((p) => p.label.articles.includes(p.outcome.draftCitations[0] ?? "")).length, answerable.length),
    offTopicPct: pct(offTopic.length, replied.length),
    answeredCorrectlyPct: pct(answerable.filter((p) => isCorrectAnswer(p.label, p.outcome)).length, answerable.length),
    confidentlyWrongPct: pct(pairs.filter((p) => isConfidentlyWrong(p.label, p.outcome)).length, pairs.length) ?? 0,
    handoffHonestyPct: pct(honestClaims, claims),
    handoffRequestsHonouredPct: pct(handoffRequests.filter((p) => p.outcome.handedOff).length, handoffRequests.length),
    smalltalkKeptPct: pct(smalltalk.filter((p) => !p.outcome.handedOff && !(p.outcome.reply?.citations.length ?? 0)).length, smalltalk.length),
    autoReplies: replied.length,
    handoffClaims: claims,
    failures: pairs.filter((p) => p.outcome.failed).length,
    firstTextP50Ms: percentile(latencies, 50),
    firstTextP90Ms: percentile(latencies, 90),
    perKind,
  };
}
