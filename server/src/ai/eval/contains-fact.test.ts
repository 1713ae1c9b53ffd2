import { describe, expect, it } from "vitest";
import { containsFact } from "./contains-fact.ts";

describe("containsFact", () => {
  it.each([
    ["Voit palauttaa tuotteen 30 päivän kuluessa.", "30", true],
    ["Palautusaika on 130 päivää.", "30", false],
    ["open 9:00\u201318:00 on Saturday", "9:00-18:00", true],
    ["ma\u2013pe klo 8\u201318", "8–18", true],
    ["kostar 9,90\u00a0€", "9,90", true],
    ["Link your K-Plussa card", "link your k-plussa card", true],
    ["within 7 days", "", false],
  ])("%s / %s -> %s", (answer, fact, expected) => {
    expect(containsFact(answer, fact)).toBe(expected);
  });
});
