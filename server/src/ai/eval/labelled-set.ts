/** The labelled K-Rauta visitor messages of the AI evaluation: a tuning part and a held-out part
 * (see README.md beside this file: the held-out part is never read while tuning). */
import { readFileSync } from "node:fs";
import { AICategory, Language } from "@hummdesk/shared";
import { z } from "zod";

/** What a message calls for: an answer from the knowledge base, a short polite reply, a person,
 * an honest "we don't know" (no auto-reply), or nothing the message asks for (an injection). */
export const MESSAGE_KINDS = ["answerable", "smalltalk", "handoff", "unanswerable", "injection"] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

export const LabelledVisitorMessage = z
  .object({
    text: z.string().min(1),
    language: Language.exclude(["other"]),
    category: AICategory,
    kind: MessageKind,
    /** Seed article slugs (server/src/db/seed-data/knowledge-base.ts) a correct answer cites first; any one will do. */
    articles: z.array(z.string().min(1)),
    /** A short string a correct answer must contain (numbers match whole: "30" is not in "130"). */
    fact: z.string().min(1).nullable(),
  })
  .refine((m) => (m.kind === "answerable") === (m.articles.length > 0 && m.fact !== null), {
    message: "answerable messages, and only they, name expected articles and a key fact",
  });
export type LabelledVisitorMessage = z.infer<typeof LabelledVisitorMessage>;

export type LabelledSetPart = "tuning" | "held-out";

const FILES: Record<LabelledSetPart, string> = { tuning: "./tuning-set.json", "held-out": "./held-out-set.json" };

/** Reads one part. Tuning code (lexicons, thresholds, tests that guide them) reads "tuning" only. */
export function loadLabelledSet(part: LabelledSetPart): LabelledVisitorMessage[] {
  const raw = readFileSync(new URL(FILES[part], import.meta.url), "utf8");
  return z.array(LabelledVisitorMessage).parse(JSON.parse(raw));
}
