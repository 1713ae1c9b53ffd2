import { describe, expect, it } from "vitest";
import { createAnswerExtractor, judgeModelAnswer, unsupportedNumbers } from "./structured-answer.ts";
import { OPENING_HOURS_EN, RETURNS_EN } from "./testing/kb-fixtures.ts";

describe("structured model answers", () => {
  it("streams the answer field out of JSON split anywhere, escapes included", () => {
    const json = JSON.stringify({ answer: 'Returns: 30 days [1].\n"Unused" items.', handoff: false, no_answer: false, small_talk: false });
    for (const size of [1, 3, 7]) {
      const extractor = createAnswerExtractor();
      let text = "";
      for (let i = 0; i < json.length; i += size) text += extractor.push(json.slice(i, i + size));
      expect(text).toBe('Returns: 30 days [1].\n"Unused" items.');
    }
  });

  it("passes plain text through from a server that ignores response_format", () => {
    const extractor = createAnswerExtractor();
    expect(extractor.push("Hello ") + extractor.push("there")).toBe("Hello there");
  });

  it("cites only the articles whose markers the text uses, and flags numbers no cited article holds", () => {
    const passages = [OPENING_HOURS_EN, RETURNS_EN];
    const text = "You can return unused items within 30 days [2].";
    const raw = JSON.stringify({ answer: text, handoff: false, no_answer: false, small_talk: false });
    const outcome = judgeModelAnswer(raw, text, passages);
    expect(outcome.citations.map((c) => c.articleId)).toEqual([RETURNS_EN.articleId]);
    expect(outcome).toMatchObject({ kind: "answer", grounded: true, unsupportedNumbers: [] });
    expect(unsupportedNumbers("Within 45 days [2].", [RETURNS_EN])).toEqual(["45"]);
    const flagged = judgeModelAnswer(JSON.stringify({ answer: "I'll pass this on.", handoff: false, no_answer: true, small_talk: false }), "I'll pass this on.", passages);
    expect(flagged).toMatchObject({ kind: "no_answer", grounded: false, citations: [] });
  });
});
