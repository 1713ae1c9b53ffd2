import { describe, expect, it } from "vitest";
import { BuiltinProvider } from "./builtin-provider.ts";
import { evaluateClassifier, loadClassifierDataset } from "./evaluate-classifier.ts";

describe("built-in classifier quality on the tuning part of the labelled set (eval/tuning-set.json)", () => {
  it("gets >= 95 % of languages and >= 80 % of categories right", async () => {
    const dataset = loadClassifierDataset();
    const report = await evaluateClassifier(new BuiltinProvider(), dataset, { fallbackLanguage: "fi" });
    const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
    console.log(
      `builtin classifier, ${report.total} messages: language ${percent(report.languageAccuracy)}, ` +
        `category ${percent(report.categoryAccuracy)}, ${report.msPerMessage.toFixed(2)} ms/message`,
    );
    for (const mistake of report.mistakes) {
      console.log(`  ${JSON.stringify(mistake.text)}: expected ${mistake.expected.language}/${mistake.expected.category}, got ${mistake.actual.language}/${mistake.actual.category}`);
    }
    expect(dataset.length).toBeGreaterThanOrEqual(75);
    expect(report.languageAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.categoryAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it("is balanced across the three languages and all nine categories", () => {
    const dataset = loadClassifierDataset();
    const count = (key: "language" | "category", value: string) => dataset.filter((item) => item[key] === value).length;
    for (const language of ["fi", "sv", "en"]) expect(count("language", language)).toBeGreaterThanOrEqual(dataset.length / 4);
    const categories = new Set(dataset.map((item) => item.category));
    expect(categories.size).toBe(9);
    for (const category of categories) expect(count("category", category)).toBeGreaterThanOrEqual(6);
  });
});
