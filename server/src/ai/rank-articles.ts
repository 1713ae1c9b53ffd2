/**
 * The one ranker of knowledge-base articles (BM25F): each query term counts by its weight
 * (query-terms.ts) and its rarity among the account's articles (IDF); an article's example
 * questions and title weigh most, its body least. A word no article holds is read as the article
 * word one typing slip away, if there is one. The order it returns is the order the answer
 * uses. Pure: the caller loads the articles.
 */
import type { AICategory, Language, WidgetLocale } from "@hummdesk/shared";
import { type QueryTerm, queryTerms, termMatch } from "./query-terms.ts";
import { tokenize } from "./text-tokens.ts";

export interface RankableArticle {
  id: number;
  title: string;
  body: string;
  questions: readonly string[];
  language: Language;
  category: AICategory | null;
  url: string | null;
}

export interface RankedArticle {
  article: RankableArticle;
  /** BM25F score: comparable between articles of one query only. */
  score: number;
  /** 0..1: the share of the question's weighted terms the article contains. */
  support: number;
}

export interface RankOptions {
  /** The visitor's language: its articles are ranked first when any of them matches. */
  language: Language;
  /** The classified category: breaks near ties, never outweighs clear evidence. */
  category?: AICategory | null;
  limit?: number;
}

const FIELD_BOOST = { title: 3, questions: 3, body: 1 } as const;
const BODY_B = 0.75;
const K1 = 1.2;
// An article of the classified category wins over one scoring at most this much better.
const CATEGORY_TIE = 0.85;
// An intent word counts this much more in an article of the category whose lexicon names it
// ("palautus" in the returns article, not in the drill guide that mentions returning a battery).
const ON_TOPIC = 2;
// A question word no article holds: usually a product, a colloquial form or a circumstance, which
// rarely changes what the article answers, so it counts less; a place, a day or an item's stock
// (specific-words.ts) is what the help centre does not state, so it counts more.
const UNKNOWN_TERM = 0.7;
const UNKNOWN_SPECIFIC = 2;

type Field = keyof typeof FIELD_BOOST;
interface IndexedArticle {
  article: RankableArticle;
  fields: Record<Field, Map<string, number>>;
  bodyLength: number;
}

const localeOf = (language: Language): WidgetLocale => (language === "other" ? "en" : language);

function counts(text: string, language: WidgetLocale): { stems: Map<string, number>; length: number } {
  const stems = new Map<string, number>();
  const tokens = tokenize(text, language);
  for (const token of tokens) stems.set(token.stem, (stems.get(token.stem) ?? 0) + 1);
  return { stems, length: tokens.length };
}

// Articles change rarely; their token counts are kept per content.
const indexCache = new Map<string, IndexedArticle>();

function indexArticle(article: RankableArticle): IndexedArticle {
  const key = `${article.id}\u0000${article.language}\u0000${article.title}\u0000${article.questions.join("\u0001")}\u0000${article.body}`;
  const cached = indexCache.get(key);
  if (cached) return { ...cached, article };
  const language = localeOf(article.language);
  const body = counts(article.body, language);
  const indexed: IndexedArticle = {
    article,
    fields: { title: counts(article.title, language).stems, questions: counts(article.questions.join("\n"), language).stems, body: body.stems },
    bodyLength: body.length,
  };
  if (indexCache.size > 5000) indexCache.clear();
  indexCache.set(key, indexed);
  return indexed;
}

function fieldFrequency(stems: Map<string, number>, term: QueryTerm): number {
  let tf = 0;
  for (const [stem, count] of stems) {
    const match = termMatch(term, stem);
    if (match > 0) tf += match * count;
  }
  return tf;
}

/** At most one insertion, deletion, substitution or swap of neighbours apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(i) === longer.slice(i + 1);
}
// Shorter words are too often another real word one letter away.
const TYPO_MIN_STEM = 5;

/** A word no article holds, read as the article words one typing slip away ("recieve", "palatus");
 * null when there are none. */
function respelled(term: QueryTerm, group: IndexedArticle[]): QueryTerm | null {
  if (term.stem.length < TYPO_MIN_STEM || /\d/.test(term.stem)) return null;
  const near = new Set<string>();
  for (const a of group) {
    for (const field of Object.values(a.fields)) {
      for (const stem of field.keys()) if (stem.length >= TYPO_MIN_STEM && withinOneEdit(term.stem, stem)) near.add(stem);
    }
  }
  return near.size > 0 ? { ...term, alternatives: [...term.alternatives, ...near] } : null;
}

/** Ranks one language's articles against the question written in that language's stems. */
function rankGroup(queried: QueryTerm[], group: IndexedArticle[]): RankedArticle[] {
  const averageBody = group.reduce((sum, a) => sum + a.bodyLength, 0) / Math.max(1, group.length) || 1;
  // How much of the term each article holds, in the order of `group`.
  const weigh = (term: QueryTerm) =>
    group.map((a) => {
      const f = a.fields;
      const body = fieldFrequency(f.body, term) / (1 - BODY_B + (BODY_B * a.bodyLength) / averageBody);
      return FIELD_BOOST.title * fieldFrequency(f.title, term) + FIELD_BOOST.questions * fieldFrequency(f.questions, term) + FIELD_BOOST.body * body;
    });
  const terms = [...queried];
  const columns = terms.map(weigh);
  terms.forEach((term, t) => {
    if (columns[t]!.some((w) => w > 0)) return;
    const typo = respelled(term, group);
    if (!typo) return;
    terms[t] = typo;
    columns[t] = weigh(typo);
  });
  const n = group.length;
  const known = columns.map((column) => column.some((w) => w > 0));
  const idf = columns.map((column) => {
    const containing = column.filter((w) => w > 0).length;
    // A term no article contains still counts in the question's total, as rare as can be.
    return Math.log(1 + (n - Math.max(containing, 1) + 0.5) / (Math.max(containing, 1) + 0.5));
  });
  return group.map((a, i) => {
    let score = 0;
    // Support ignores rarity: a word no article uses ("kayaks") still counts fully against it.
    let covered = 0;
    let total = 0;
    const category = a.article.category;
    terms.forEach((term, t) => {
      const tf = columns[t]?.[i] ?? 0;
      const topical = category && category !== "product_question" && term.categories.includes(category) ? ON_TOPIC : 1;
      const unknown = known[t] ? 1 : term.specific ? UNKNOWN_SPECIFIC : UNKNOWN_TERM;
      total += topical * term.weight * unknown;
      if (tf <= 0) return;
      score += topical * term.weight * (idf[t] ?? 0) * ((tf * (K1 + 1)) / (tf + K1));
      covered += topical * term.weight;
    });
    return { article: a.article, score, support: total > 0 ? covered / total : 0 };
  });
}

/** The ranked list with the best item of `category` moved first when it scores within
 * CATEGORY_TIE of the top: the classified category breaks near ties, never outweighs clear evidence. */
export function preferCategory<T extends { score: number }>(ranked: readonly T[], category: AICategory | null | undefined, categoryOf: (item: T) => AICategory | null): T[] {
  const pool = [...ranked];
  const top = pool[0];
  if (!top || !category || categoryOf(top) === category) return pool;
  const tied = pool.findIndex((r) => categoryOf(r) === category && r.score >= top.score * CATEGORY_TIE);
  if (tied > 0) pool.unshift(...pool.splice(tied, 1));
  return pool;
}

export function rankArticles(question: string, articles: readonly RankableArticle[], options: RankOptions): RankedArticle[] {
  const byLanguage = new Map<WidgetLocale, IndexedArticle[]>();
  for (const article of articles) {
    const language = localeOf(article.language);
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), indexArticle(article)]);
  }
  const ranked: RankedArticle[] = [];
  for (const [language, group] of byLanguage) ranked.push(...rankGroup(queryTerms(question, language), group));
  const visitorLanguage = localeOf(options.language);
  const matching = ranked.filter((r) => r.score > 0);
  const own = matching.filter((r) => localeOf(r.article.language) === visitorLanguage);
  const pool = (own.length > 0 ? own : matching).sort((a, b) => b.score - a.score || a.article.id - b.article.id);
  return preferCategory(pool, options.category, (r) => r.article.category).slice(0, options.limit ?? 4);
}
