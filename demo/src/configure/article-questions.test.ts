import { describe, expect, it } from "vitest";
import { parseQuestions, questionsToText } from "./article-questions.ts";

describe("article example questions in a textarea", () => {
  it("one question per line: trimmed, blank lines dropped, and back", () => {
    expect(parseQuestions("  Miten palautan?  \r\n\n Kauanko hyvitys kestää?\n")).toEqual({ questions: ["Miten palautan?", "Kauanko hyvitys kestää?"], error: null });
    expect(questionsToText(["Miten palautan?", "Kauanko hyvitys kestää?"])).toBe("Miten palautan?\nKauanko hyvitys kestää?");
  });

  it("says what is wrong: too many, too long", () => {
    expect(parseQuestions(Array.from({ length: 21 }, (_, i) => `Q${i}`).join("\n")).error).toMatch(/At most 20/);
    expect(parseQuestions(`ok\n${"x".repeat(301)}`).error).toMatch(/Question 2 is longer than 300/);
  });
});
