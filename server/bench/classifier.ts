/** 8. Classifier quality: the built-in provider's language and category accuracy on the labelled
 * K-Rauta messages, and its time per message. */
import { BuiltinProvider } from "../src/ai/builtin-provider.ts";
import { evaluateClassifier, loadClassifierDataset } from "../src/ai/evaluate-classifier.ts";
import { fmt, ms } from "./report.ts";
import type { Section } from "./section.ts";

const percent = (value: number) => `${fmt(value * 100, 1)} %`;

export const classifierSection: Section = {
  id: "classifier",
  title: "8. Classifier quality (built-in provider)",
  timeoutMs: 60_000,
  async run({ log }) {
    const dataset = loadClassifierDataset();
    const provider = new BuiltinProvider();
    log(`classifying ${dataset.length} labelled messages twice (first pass warms up)`);
    const cold = await evaluateClassifier(provider, dataset);
    const warm = await evaluateClassifier(provider, dataset);
    const languages = new Map<string, number>();
    for (const item of dataset) languages.set(item.language, (languages.get(item.language) ?? 0) + 1);

    return {
      tables: [
        {
          columns: ["measure", "value"],
          rows: [
            ["labelled messages", `${warm.total} (${[...languages].map(([language, count]) => `${language} ${count}`).join(", ")})`],
            ["language accuracy", percent(warm.languageAccuracy)],
            ["category accuracy", percent(warm.categoryAccuracy)],
            ["time per message, first pass", ms(cold.msPerMessage, 3)],
            ["time per message, second pass", ms(warm.msPerMessage, 3)],
          ],
        },
        {
          caption: "Category accuracy per labelled category:",
          columns: ["category", "messages", "correct", "accuracy"],
          rows: Object.entries(warm.perCategory)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([category, { total, correct }]) => [category, String(total), String(correct), percent(correct / total)]),
        },
      ],
      notes: [
        "`evaluateClassifier(new BuiltinProvider(), loadClassifierDataset())` (the tuning part, server/src/ai/eval/tuning-set.json), in the bench process.",
        `Mistakes: ${warm.mistakes.length}; the JSON report lists them.`,
      ],
      figures: {
        total: warm.total,
        languageAccuracy: warm.languageAccuracy,
        categoryAccuracy: warm.categoryAccuracy,
        msPerMessageFirstPass: cold.msPerMessage,
        msPerMessage: warm.msPerMessage,
        perCategory: warm.perCategory,
        mistakes: warm.mistakes,
      },
    };
  },
};
