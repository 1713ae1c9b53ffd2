import { describe, expect, it } from "vitest";
import { isSpecificWord } from "./specific-words.ts";

describe("isSpecificWord", () => {
  it.each([
    ["lahdessa", "fi"],
    ["vantaalla", "fi"],
    ["ahvenanmaalle", "fi"],
    ["juhannuksena", "fi"],
    ["pääsiäisenä", "fi"],
    ["varastossa", "fi"],
    ["esbo", "sv"],
    ["åland", "sv"],
    ["julafton", "sv"],
    ["midsommar", "sv"],
    ["lager", "sv"],
    ["christmas", "en"],
    ["estonia", "en"],
    ["stock", "en"],
  ] as const)("%s names a place, a day or an item's stock (%s)", (word, language) => {
    expect(isSpecificWord(word, language)).toBe(true);
  });

  it.each([
    // Letters are kept: "lähtee" (leaves) is not Lahti, "lahjakortti" is not either.
    ["lähtee", "fi"],
    ["lahjakortti", "fi"],
    ["porakone", "fi"],
    ["juttu", "fi"],
    ["leverans", "sv"],
    ["julklapp", "en"],
    ["delivery", "en"],
    ["saturday", "en"],
  ] as const)("%s does not (%s)", (word, language) => {
    expect(isSpecificWord(word, language)).toBe(false);
  });
});
