/**
 * Writes the built-in provider's answer: the most relevant sentences of the best fitting
 * knowledge-base passages, framed in the visitor's language, with citations of what was used.
 * Pure and deterministic; when nothing fits it says so and hands over to the team.
 */
import type { Citation, WidgetLocale } from "@hummdesk/shared";
import { answerLanguage, contentStems, overlap, splitSentences } from "./answer-relevance.ts";
import { ANSWER_TEMPLATES } from "./answer-templates.ts";
import type { DraftInput, Passage } from "./provider.ts";
import { words } from "./text-tokens.ts";

export interface ComposedAnswer {
  text: string;
  citations: Citation[];
  /** False when no passage fitted and the answer hands the question to the team. */
  grounded: boolean;
}

const MAX_SENTENCES_FROM_TOP = 2;
const MAX_ANSWER_BODY_CHARS = 420;
// A second passage is quoted only when it fits at least this well compared with the first.
const SECOND_PASSAGE_RATIO = 0.5;
// A passage fits when it shares this share of the question's content stems, or two of them.
const MIN_FIT_RATIO = 0.25;

// Knowledge-base text is data: a sentence that tries to instruct the assistant is never quoted.
const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,60}\b(instruction|prompt|rule|above|previous|guideline)/i,
  /\bsystem\s*prompt\b/i,
  /\b(reveal|print|show|repeat|output|leak)\b.{0,40}\b(prompt|instruction|secret|api[\s_-]?key|password|token)/i,
  /\byou are (now|no longer)\b/i,
  /\b(unohda|ohita|sivuuta)\b.{0,60}\b(ohje|kehote|sään)/i,
  /\b(ignorera|glöm|strunta i)\b.{0,60}\b(instruktion|prompt|regler|anvisning)/i,
  /\b(järjestelmäkehote|systemprompt|systemprompten)\b/i,
  /<\/?\s*(system|instructions?|article|visitor_message)\b/i,
];

export function looksLikeInstruction(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(sentence));
}

const GREETINGS = new Set(["hei", "hej", "hi", "hello", "hey", "moi", "moikka", "terve", "morjens", "hejsan", "tjena", "päivää", "god", "dag", "good", "morning", "huomenta"]);
const THANKS = new Set(["kiitos", "kiitti", "kiitoksia", "tack", "tackar", "thanks", "thank", "you", "thx", "ok", "okei", "okej", "paljon", "så", "mycket", "much", "ty", "hyvä", "bra", "great", "super", "toppen"]);

function smallTalk(question: string): "greeting" | "thanks" | null {
  const tokens = words(question);
  if (tokens.length === 0 || tokens.length > 5) return null;
  if (tokens.every((word) => GREETINGS.has(word))) return "greeting";
  if (tokens.every((word) => THANKS.has(word) || GREETINGS.has(word))) return "thanks";
  return null;
}

interface ScoredPassage {
  passage: Passage;
  language: WidgetLocale;
  questionStems: string[];
  fit: number;
}

function scorePassage(passage: Passage, question: string): ScoredPassage {
  const language = answerLanguage(passage.language);
  const questionStems = contentStems(question, language);
  const passageStems = contentStems(`${passage.title}\n${passage.body}`, language);
  const shared = overlap(questionStems, passageStems);
  const fits = shared >= 2 || (shared >= 1 && shared / Math.max(1, questionStems.length) >= MIN_FIT_RATIO);
  return { passage, language, questionStems, fit: fits ? shared : 0 };
}

/** Fitting passages, those in the visitor's language first, each group in the caller's order. */
function fittingPassages(input: DraftInput, language: WidgetLocale): ScoredPassage[] {
  const scored = input.passages.map((passage) => scorePassage(passage, input.question)).filter((p) => p.fit > 0);
  const same = scored.filter((p) => p.language === language);
  return same.length > 0 ? same : scored;
}

function bestSentences(scored: ScoredPassage, limit: number): string[] {
  const sentences = splitSentences(scored.passage.body).filter((sentence) => !looksLikeInstruction(sentence));
  const ranked = sentences
    .map((sentence, index) => ({ sentence, index, score: overlap(scored.questionStems, contentStems(sentence, scored.language)) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen = ranked.filter((s) => s.score > 0).slice(0, limit);
  // The article fits as a whole but no single sentence names the question's words: its opening does.
  const picked = chosen.length > 0 ? chosen : ranked.slice().sort((a, b) => a.index - b.index).slice(0, 1);
  const inOrder = picked.sort((a, b) => a.index - b.index).map((s) => s.sentence);
  const kept: string[] = [];
  let length = 0;
  for (const sentence of inOrder) {
    if (kept.length > 0 && length + sentence.length > MAX_ANSWER_BODY_CHARS) break;
    kept.push(sentence);
    length += sentence.length;
  }
  return kept;
}

function citationOf(passage: Passage): Citation {
  return { articleId: passage.articleId, title: passage.title, url: passage.url };
}

export function composeAnswer(input: DraftInput): ComposedAnswer {
  const language = answerLanguage(input.language);
  const templates = ANSWER_TEMPLATES[language];
  const talk = smallTalk(input.question);
  if (talk) return { text: talk === "greeting" ? templates.greeting : templates.thanks, citations: [], grounded: false };

  const fitting = fittingPassages(input, language);
  const top = fitting[0];
  if (!top) return { text: templates.noAnswer(input.accountName), citations: [], grounded: false };

  if (top.language !== language) {
    const link = top.passage.url ? `\n${templates.moreInfo(top.passage.title, top.passage.url)}` : "";
    const text = `${templates.foreignArticle(top.passage.title, top.language)}${link}\n\n${templates.closing}`;
    return { text, citations: [citationOf(top.passage)], grounded: true };
  }

  const used: ScoredPassage[] = [top];
  const sentences = bestSentences(top, MAX_SENTENCES_FROM_TOP);
  const second = fitting[1];
  if (second && second.language === language && second.fit >= top.fit * SECOND_PASSAGE_RATIO) {
    const extra = bestSentences(second, 1).filter((sentence) => !sentences.includes(sentence));
    if (extra.length > 0 && sentences.join(" ").length + (extra[0]?.length ?? 0) <= MAX_ANSWER_BODY_CHARS) {
      sentences.push(...extra);
      used.push(second);
    }
  }
  const links = used
    .filter((scored) => scored.passage.url)
    .map((scored) => templates.moreInfo(scored.passage.title, scored.passage.url ?? ""));
  const parts = [templates.opening, sentences.join(" "), ...(links.length > 0 ? [links.join("\n")] : []), templates.closing];
  return { text: parts.join("\n\n"), citations: used.map((scored) => citationOf(scored.passage)), grounded: true };
}
