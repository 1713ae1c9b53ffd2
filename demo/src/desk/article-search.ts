/** The knowledge-base list in the desk: articles whose title holds every word typed, A to Ö. */
import type { KnowledgeBaseArticle } from "@hummdesk/shared";

const words = (text: string) => text.toLocaleLowerCase().split(/\s+/).filter(Boolean);

export function matchingArticles(articles: readonly KnowledgeBaseArticle[], query: string): KnowledgeBaseArticle[] {
  const wanted = words(query);
  return articles
    .filter((article) => {
      const title = article.title.toLocaleLowerCase();
      return wanted.every((word) => title.includes(word));
    })
    .sort((a, b) => a.title.localeCompare(b.title, "fi") || a.id - b.id);
}
