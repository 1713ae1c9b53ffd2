import { describe, expect, it } from "vitest";
import { computeMetrics, isConfidentlyWrong, type MessageOutcome } from "./eval-metrics.ts";
import type { LabelledVisitorMessage } from "./labelled-set.ts";

const returns: LabelledVisitorMessage = { text: "Miten palautus toimii?", language: "fi", category: "returns_refunds", kind: "answerable", articles: ["returns-fi"], fact: "30" };
const hi: LabelledVisitorMessage = { text: "Moi", language: "fi", category: "other", kind: "smalltalk", articles: [], fact: null };
const person: LabelledVisitorMessage = { text: "Haluan puhua ihmisen kanssa", language: "fi", category: "other", kind: "handoff", articles: [], fact: null };
const base: MessageOutcome = { language: "fi", category: "returns_refunds", draftCitations: [], reply: null, handedOff: false, handoffClaims: 0, firstTextMs: null };

describe("computeMetrics", () => {
  it("counts a right answer, an off-topic second citation, a wrong answer and a dishonest hand-off claim", () => {
    const right: MessageOutcome = { ...base, draftCitations: ["returns-fi"], reply: { text: "Voit palauttaa 30 päivän kuluessa.", citations: ["returns-fi"] }, firstTextMs: 40 };
    const offTopic: MessageOutcome = { ...right, reply: { text: "Voit palauttaa 30 päivän kuluessa.", citations: ["returns-fi", "choosing-a-drill-fi"] }, firstTextMs: 60 };
    const wrong: MessageOutcome = { ...base, draftCitations: ["choosing-a-drill-fi"], reply: { text: "Valitse porakone.", citations: ["choosing-a-drill-fi"] }, firstTextMs: 200 };
    const smalltalkHandedOff: MessageOutcome = { ...base, category: "other", handedOff: true, handoffClaims: 1 };
    const claimWithoutHandoff: MessageOutcome = { ...base, category: "other", handoffClaims: 1, reply: { text: "Välitän kysymyksesi asiakaspalveluun.", citations: [] } };
    const metrics = computeMetrics([returns, returns, returns, hi, person], [right, offTopic, wrong, smalltalkHandedOff, claimWithoutHandoff]);
    expect(metrics).toMatchObject({
      messages: 5,
      languagePct: 100,
      categoryPct: 100,
      topCitationPct: 66.7,
      offTopicPct: 50,
      answeredCorrectlyPct: 66.7,
      confidentlyWrongPct: 40,
      handoffHonestyPct: 50,
      handoffRequestsHonouredPct: 0,
      smalltalkKeptPct: 0,
      autoReplies: 4,
      firstTextP50Ms: 60,
    });
  });

  it("does not count an honest hand-off notice as a confident answer", () => {
    const notice: MessageOutcome = { ...base, handedOff: true, handoffClaims: 1, reply: { text: "Välitän kysymyksesi asiakaspalvelullemme.", citations: [] } };
    expect(isConfidentlyWrong(person, notice)).toBe(false);
    expect(isConfidentlyWrong(returns, notice)).toBe(false);
    expect(isConfidentlyWrong(hi, { ...base, reply: { text: "Hei! Miten voin auttaa?", citations: [] } })).toBe(false);
  });
});
