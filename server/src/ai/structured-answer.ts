/**
 * A model's answer as structured output: `{answer, handoff, no_answer, small_talk}` where the
 * answer cites the numbered articles it used as [n]. The answer text is read out of the JSON while
 * it streams; at the end the whole object is checked: only the articles the text cites count, and
 * every number in the answer must appear in a cited article.
 */
import type { Citation } from "@hummdesk/shared";
import { z } from "zod";
import type { DraftKind, DraftOutcome, Passage } from "./provider.ts";

export const ANSWER_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["answer", "handoff", "no_answer", "small_talk"],
  properties: {
    answer: { type: "string", description: "The reply to the visitor; cite each article used as [n]." },
    handoff: { type: "boolean", description: "The visitor asks for a person, or a person must take over." },
    no_answer: { type: "boolean", description: "The articles do not answer the question." },
    small_talk: { type: "boolean", description: "A greeting, thanks or acknowledgement, not a question." },
  },
} as const;

const StructuredAnswer = z.object({
  answer: z.string(),
  handoff: z.boolean(),
  no_answer: z.boolean(),
  small_talk: z.boolean(),
});

/** Reads the `answer` string out of a JSON object as it streams in; a reply that is not JSON (a
 * server ignoring response_format) passes through as plain text. */
export function createAnswerExtractor() {
  let raw = "";
  let mode: "unknown" | "plain" | "json" = "unknown";
  let cursor = -1;
  let done = false;
  return {
    push(chunk: string): string {
      raw += chunk;
      if (mode === "unknown") {
        const first = raw.trimStart()[0];
        if (first === undefined) return "";
        mode = first === "{" ? "json" : "plain";
        if (mode === "plain") return raw;
      } else if (mode === "plain") return chunk;
      if (done) return "";
      if (cursor < 0) {
        const start = raw.match(/"answer"\s*:\s*"/);
        if (!start || start.index === undefined) return "";
        cursor = start.index + start[0].length;
      }
      let out = "";
      while (cursor < raw.length) {
        const char = raw[cursor]!;
        if (char === '"') {
          done = true;
          break;
        }
        if (char !== "\\") {
          out += char;
          cursor++;
          continue;
        }
        // An escape split across chunks waits for the rest.
        const next = raw[cursor + 1];
        if (next === undefined) break;
        if (next === "u") {
          const hex = raw.slice(cursor + 2, cursor + 6);
          if (hex.length < 4) break;
          out += String.fromCharCode(Number.parseInt(hex, 16));
          cursor += 6;
          continue;
        }
        out += ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" } as Record<string, string>)[next] ?? next;
        cursor += 2;
      }
      return out;
    },
    /** The whole reply as received. */
    get raw() {
      return raw;
    },
    get structured() {
      return mode === "json";
    },
  };
}

const NUMBER = /\d+(?:[.,:]\d+)*/g;
const normaliseNumber = (n: string) => n.replace(/,/g, ".").replace(/:00$/, "");

/** Numbers in `answer` that none of the cited passages contains ("30 days" needs a 30). */
export function unsupportedNumbers(answer: string, cited: readonly Passage[]): string[] {
  const withoutMarkers = answer.replace(/\[\d+\]/g, " ");
  const known = new Set(cited.flatMap((p) => `${p.title}\n${p.body}`.match(NUMBER) ?? []).map(normaliseNumber));
  const found = withoutMarkers.match(NUMBER) ?? [];
  return [...new Set(found.filter((n) => !known.has(normaliseNumber(n))))];
}

/** The [n] markers of a text, as passages of the prompt (1-based), in order of first use. */
export function citedPassages(answer: string, passages: readonly Passage[]): Passage[] {
  const used: Passage[] = [];
  for (const [, n] of answer.matchAll(/\[(\d+)\]/g)) {
    const passage = passages[Number(n) - 1];
    if (passage && !used.includes(passage)) used.push(passage);
  }
  return used;
}

const citationOf = (p: Passage): Citation => ({ articleId: p.articleId, title: p.title, url: p.url });

/** The verdict on a finished model answer. */
export function judgeModelAnswer(raw: string, visibleText: string, passages: readonly Passage[]): DraftOutcome {
  let flags = { handoff: false, no_answer: false, small_talk: false };
  const trimmed = raw.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed = StructuredAnswer.safeParse(JSON.parse(trimmed));
      if (parsed.success) flags = parsed.data;
      else return { kind: "no_answer", grounded: false, support: 0, citations: [] };
    } catch {
      return { kind: "no_answer", grounded: false, support: 0, citations: [] };
    }
  }
  const cited = citedPassages(visibleText, passages);
  const numbers = unsupportedNumbers(visibleText, cited);
  const kind: DraftKind = flags.handoff ? "handoff" : flags.no_answer ? "no_answer" : flags.small_talk && cited.length === 0 ? "small_talk" : "answer";
  if (kind === "small_talk") {
    // Small talk carries no facts: a number in it is unsupported by definition.
    const facts = visibleText.match(NUMBER) ?? [];
    return { kind, grounded: false, support: facts.length === 0 && visibleText.length <= 300 ? 1 : 0, citations: [], unsupportedNumbers: facts };
  }
  const grounded = kind === "answer" && cited.length > 0;
  const support = grounded ? Math.max(...cited.map((p) => p.support ?? 1)) : 0;
  return { kind, grounded, support, citations: cited.map(citationOf), unsupportedNumbers: numbers };
}
