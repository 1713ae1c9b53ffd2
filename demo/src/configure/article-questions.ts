/** Example questions in the articles screen: one per line in a textarea, a list on the wire. */
import { MAX_ARTICLE_QUESTION_LENGTH, MAX_ARTICLE_QUESTIONS } from "@hummdesk/shared";

export function questionsToText(questions: readonly string[]): string {
  return questions.join("\n");
}

/** The lines as questions (blank lines dropped), or what is wrong with them. */
export function parseQuestions(text: string): { questions: string[]; error: string | null } {
  const questions = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (questions.length > MAX_ARTICLE_QUESTIONS) return { questions, error: `At most ${MAX_ARTICLE_QUESTIONS} example questions (one per line); there are ${questions.length}.` };
  const long = questions.findIndex((question) => question.length > MAX_ARTICLE_QUESTION_LENGTH);
  if (long !== -1) return { questions, error: `Question ${long + 1} is longer than ${MAX_ARTICLE_QUESTION_LENGTH} characters.` };
  return { questions, error: null };
}
