/** Measures a provider's classification against a labelled set (tests and the benchmark report it). */
import { AICategory, Language, type WidgetLocale } from "@hummdesk/shared";
import { z } from "zod";
import { loadLabelledSet } from "./eval/labelled-set.ts";
import type { AIProvider } from "./provider.ts";

export const LabelledMessage = z.object({ text: z.string().min(1), language: Language, category: AICategory });
export type LabelledMessage = z.infer<typeof LabelledMessage>;

export interface ClassifierMistake {
  text: string;
  expected: { language: Language; category: AICategory };
  actual: { language: Language; category: AICategory };
}

export interface ClassifierEvaluation {
  total: number;
  /** 0..1 */
  languageAccuracy: number;
  /** 0..1 */
  categoryAccuracy: number;
  perCategory: Record<string, { total: number; correct: number }>;
  mistakes: ClassifierMistake[];
  msPerMessage: number;
}

/** The tuning part of the labelled K-Rauta visitor messages (eval/tuning-set.json): what the
 * lexicons may be tuned on. The held-out part is read by the evaluation only (eval/README.md). */
export function loadClassifierDataset(): LabelledMessage[] {
  return loadLabelledSet("tuning").map(({ text, language, category }) => ({ text, language, category }));
}

export async function evaluateClassifier(
  provider: AIProvider,
  dataset: readonly LabelledMessage[],
  options: { fallbackLanguage?: WidgetLocale } = {},
): Promise<ClassifierEvaluation> {
  const fallbackLanguage = options.fallbackLanguage ?? "fi";
  const perCategory: Record<string, { total: number; correct: number }> = {};
  const mistakes: ClassifierMistake[] = [];
  let languageCorrect = 0;
  let categoryCorrect = 0;
  const started = performance.now();
  for (const item of dataset) {
    const result = await provider.classify({ text: item.text, fallbackLanguage });
    const bucket = perCategory[item.category] ?? { total: 0, correct: 0 };
    perCategory[item.category] = bucket;
    bucket.total++;
    if (result.language === item.language) languageCorrect++;
    if (result.category === item.category) {
      categoryCorrect++;
      bucket.correct++;
    }
    if (result.language !== item.language || result.category !== item.category) {
      mistakes.push({
        text: item.text,
        expected: { language: item.language, category: item.category },
        actual: { language: result.language, category: result.category },
      });
    }
  }
  const total = dataset.length;
  return {
    total,
    languageAccuracy: total === 0 ? 0 : languageCorrect / total,
    categoryAccuracy: total === 0 ? 0 : categoryCorrect / total,
    perCategory,
    mistakes,
    msPerMessage: total === 0 ? 0 : (performance.now() - started) / total,
  };
}
