/**
 * Writes the built-in provider's answer: the paragraph of the top-ranked knowledge-base article
 * that holds the asked fact, quoted whole, framed in the visitor's language, with one citation
 * list. Pure and deterministic; when nothing fits it says so and hands over to the team.
 */
import type { Citation, WidgetLocale } from "@hummdesk/shared";
import { answerLanguage } from "./answer-relevance.ts";
import { type AnswerType, askedTypes, holdsAnswer } from "./answer-type.ts";
import { ANSWER_TEMPLATES } from "./answer-templates.ts";
import { looksLikeInstruction } from "./instruction-patterns.ts";
import { type QueryTerm, readQuestion, termMatch } from "./query-terms.ts";
import { tokenize } from "./text-tokens.ts";
import type { DraftInput, DraftKind, Passage } from "./provider.ts";
import { rankParagraphsByTerms, splitSentences } from "./quote-paragraph.ts";
import { smallTalk } from "./small-talk.ts";

export interface ComposedAnswer {
  text: string;
  citations: Citation[];
  /** True when the text quotes a knowledge-base article. */
  grounded: boolean;
  /** 0..1: how much of the question the quoted article covers (1 for small talk). */
  support: number;
  kind: DraftKind;
}

/** Below this support no article is quoted: the question goes to the team. */
export const MIN_GROUNDED_SUPPORT = 0.2;
// A second article is quoted only when it fits on its own, is on the same topic and ranks close.
const SECOND_MIN_SUPPORT = 0.5;
const SECOND_SCORE_RATIO = 0.8;
const MAX_ANSWER_BODY_CHARS = 900;
const CASE_NUMBER = /(?:^|[^\p{L}\d])(?:[A-Za-z]{1,3}-?)?\d{5,}(?![\d])/u;
const CASE_DISCOUNT = 0.5;
// Something happened twice (a double charge, two invoices for one purchase): one case to look into.
const DUPLICATE =
  /(?:^|[^\p{L}])(?:twice|double[ds]?|two (?:times|invoices|bills|charges)|kahdesti|kahteen (?:kertaan|otteeseen)|kaksi (?:kertaa|laskua)|kaks (?:kertaa|laskua)|tuplana|tuplasti|kaksinkertai\p{L}*|två (?:gånger|fakturor|räkningar)|dubbel\p{L}*)(?![\p{L}])/iu;
const DISAGREE_DISCOUNT = 0.5;
// The category was read off the top article because the question's words named none clearly:
// the article fits the words, but nothing else confirms the topic.
const INFERRED_TOPIC_DISCOUNT = 0.85;
// The question asks for a price or a time and the quoted paragraph states one (answer-type.ts).
const ANSWER_TYPE_BONUS = 0.15;

// A long question's share of matched words undercounts what the article answers: a visitor who
// writes more adds circumstances (the product, the day, who will fetch it) that no article states.
// Each content or filler word beyond LONG_QUESTION_TERMS adds PER_EXTRA_TERM to the evidence, up to
// MAX_LENGTH_BONUS.
const LONG_QUESTION_TERMS = 5;
const PER_EXTRA_TERM = 0.04;
const MAX_LENGTH_BONUS = 0.2;

function lengthBonus(terms: readonly QueryTerm[], fillerWords: number): number {
  const extra = terms.length + fillerWords - LONG_QUESTION_TERMS;
  return Math.min(MAX_LENGTH_BONUS, PER_EXTRA_TERM * Math.max(0, extra));
}

const UNSTATED_SPECIFIC_DISCOUNT = 0.5;

function mentions(passage: Passage, term: QueryTerm, language: WidgetLocale): boolean {
  return tokenize(`${passage.title}\n${passage.body}`, language).some((token) => termMatch(term, token.stem) > 0);
}

function citationOf(passage: Passage): Citation {
  return { articleId: passage.articleId, title: passage.title, url: passage.url };
}

// A second paragraph of the same article is quoted when it fits at least this well (the asked
// fact is often in the paragraph after the rule the question names).
const SECOND_PARAGRAPH_RATIO = 0.3;
// A paragraph that states the kind of fact the question asks for (a price, a time) fits this much better.
const ASKED_FACT_PARAGRAPH = 0.5;

function clean(paragraph: string): string {
  return splitSentences(paragraph)
    .filter((sentence) => !looksLikeInstruction(sentence))
    .join(" ");
}

/** The paragraph(s) of the passage that hold the asked fact, whole and in the article's order,
 * without instruction-like sentences. */
function quote(passage: Passage, terms: readonly QueryTerm[], language: WidgetLocale, asked: readonly AnswerType[]): string | null {
  const ranked = rankParagraphsByTerms(terms, passage.body, language)
    .map((p) => {
      const text = clean(p.paragraph);
      // Each kind of fact asked for that the paragraph states ("how many days": a time, in days).
      const held = asked.filter((type) => holdsAnswer(text, type)).length;
      return { ...p, text, score: p.score * (1 + ASKED_FACT_PARAGRAPH) ** held };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .filter((p) => p.text.length > 0);
  const best = ranked[0];
  if (!best) return null;
  const chosen = [best];
  const next = ranked[1];
  if (next && best.score > 0 && next.score >= best.score * SECOND_PARAGRAPH_RATIO && best.text.length + next.text.length <= MAX_ANSWER_BODY_CHARS) {
    chosen.push(next);
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .map((p) => p.text)
    .join("\n\n");
}

export function composeAnswer(input: DraftInput): ComposedAnswer {
  const language = answerLanguage(input.language);
  const templates = ANSWER_TEMPLATES[language];
  const talk = smallTalk(input.question);
  if (talk) {
    return { text: templates[talk.kind], citations: [], grounded: false, support: 1, kind: "small_talk" };
  }
  const noAnswer: ComposedAnswer = { text: templates.noAnswer(input.accountName), citations: [], grounded: false, support: 0, kind: "no_answer" };

  // Retrieval's order is the truth: the answer comes from its first passage.
  const top = input.passages[0];
  const support = top?.support ?? 1;
  if (!top || support < MIN_GROUNDED_SUPPORT) return noAnswer;

  const topLanguage = answerLanguage(top.language);
  if (topLanguage !== language) {
    const text = `${templates.foreignArticle(top.title, topLanguage)}\n\n${templates.closing}`;
    // Pointing to an article the visitor may not read is weaker evidence than quoting one.
    return { text, citations: [citationOf(top)], grounded: true, support: support / 2, kind: "answer" };
  }
  // An order, invoice or ticket number, or something that happened twice, asks about one case:
  // help articles answer the rule, a person answers the case, so such an answer waits for an
  // agent unless the evidence is complete.
  let evidence = CASE_NUMBER.test(input.question) || DUPLICATE.test(input.question) ? support * CASE_DISCOUNT : support;
  // The classifier read another topic than the ranker found: weaker evidence that it fits.
  if (input.category && top.category && top.category !== input.category) evidence *= DISAGREE_DISCOUNT;
  else if (input.categoryFromArticle) evidence *= INFERRED_TOPIC_DISCOUNT;
  // The question read once into its weighted terms, for every paragraph choice and the length bonus.
  const { terms, fillerWords } = readQuestion(input.question, language);
  const asked = askedTypes(input.question, language);
  const first = quote(top, terms, language, asked);
  if (!first) return noAnswer;
  const quoted = [first];
  const used = [top];
  const second = input.passages[1];
  if (
    second &&
    answerLanguage(second.language) === language &&
    top.category != null &&
    second.category === top.category &&
    (second.support ?? 0) >= SECOND_MIN_SUPPORT &&
    second.score >= top.score * SECOND_SCORE_RATIO
  ) {
    const extra = quote(second, terms, language, asked);
    if (extra && first.length + extra.length <= MAX_ANSWER_BODY_CHARS) {
      quoted.push(extra);
      used.push(second);
    }
  }
  const opening = input.sentiment === "negative" ? templates.apology : templates.opening;
  const text = [opening, ...quoted, templates.closing].join("\n\n");
  // A place, a day or an item's stock that a short question names and the article never states:
  // unless the question asks for a price or a time (the general one applies: "delivery to Vaasa,
  // how much?"), the place or the day is what it asks about ("is the Lahti store open at
  // Easter?"), and the article does not answer that. In a long question it is a circumstance.
  if (
    terms.length + fillerWords <= LONG_QUESTION_TERMS &&
    !asked.some((type) => type === "price" || type === "time") &&
    terms.some((term) => term.specific && !mentions(top, term, language))
  )
    evidence *= UNSTATED_SPECIFIC_DISCOUNT;
  // A price or a time asked for, and the quote holds one: the quote answers the question asked.
  if (asked.some((type) => holdsAnswer(quoted.join(" "), type))) evidence = Math.min(1, evidence * (1 + ANSWER_TYPE_BONUS));
  evidence = Math.min(1, evidence * (1 + lengthBonus(terms, fillerWords)));
  return { text, citations: used.map(citationOf), grounded: true, support: evidence, kind: "answer" };
}
