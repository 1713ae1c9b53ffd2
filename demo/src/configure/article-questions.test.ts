import { describe, expect, it } from "vitest";
import { parseQuestions, questionsToText } from "./article-questions.ts";

describe("article example questions in a textarea", () => {
  it("one question per line: trimmed, blank lines dropped, and back", () => {
    expect(parseQuestions("  Miten palautan?  \r\n\n Kauanko hyvitys kestää?\n")).toEqual(["Miten palautan?", "Kauanko hyvitys kestää?"]);
    expect(questionsToText(["Miten palautan?", "Kauanko hyvitys kestää?"])).toBe("Miten palautan?\nKauanko hyvitys kestää?");
  });
});
