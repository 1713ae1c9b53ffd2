import { describe, expect, it } from "vitest";
import { compileTerms, findHits, hitWeight } from "./lexicon-match.ts";
import { tokenize } from "./text-tokens.ts";

describe("lexicon matching on stems", () => {
  const returns = compileTerms(["palauttaa", "~kuljet!", "=ei =toimi"], "fi");

  it.each([
    ["palautus", "palauttaa"],
    ["palauttaa", "palauttaa"],
    ["palautan", "palauttaa"],
    ["palautin", "palauttaa"],
    ["kotiinkuljetus", "~kuljet!"],
    ["kotiinkuljetuksen", "~kuljet!"],
  ])("%s hits %s", (word, term) => {
    expect(findHits(tokenize(word, "fi"), returns).map((hit) => hit.term)).toEqual([term]);
  });

  it("matches a phrase only as consecutive words and counts it once", () => {
    expect(findHits(tokenize("laite ei toimi", "fi"), returns).map((hit) => hit.term)).toEqual(["=ei =toimi"]);
    expect(findHits(tokenize("toimi ei", "fi"), returns)).toEqual([]);
  });

  it("weighs `!` terms double and counts each word once", () => {
    expect(hitWeight(findHits(tokenize("kotiinkuljetus", "fi"), returns))).toBe(2);
    const both = compileTerms(["palautus", "palauttaa"], "fi");
    expect(findHits(tokenize("palautus", "fi"), both)).toHaveLength(1);
  });

  it("folds å/ä/ö so visitors who type without them still match", () => {
    const terms = compileTerms(["~lähin"], "fi");
    expect(findHits(tokenize("lahin myymala", "fi"), terms)).toHaveLength(1);
    expect(findHits(tokenize("lähin myymälä", "fi"), terms)).toHaveLength(1);
  });

  it("keeps `@word` to that written form, where stems collide", () => {
    const terms = compileTerms(["palauttaa", "@palaute!!"], "fi");
    expect(findHits(tokenize("palaute", "fi"), terms).map((hit) => hit.term)).toEqual(["@palaute!!"]);
    expect(findHits(tokenize("palautan", "fi"), terms).map((hit) => hit.term)).toEqual(["palauttaa"]);
  });
});
