/** Example questions in the article editor: one per line in a textarea, a list on the wire
 * (their limits are the shared schema's, checked in `article-form.ts`). */

export function questionsToText(questions: readonly string[]): string {
  return questions.join("\n");
}

/** The lines as questions: trimmed, blank lines dropped. */
export function parseQuestions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
