import type { CannedResponse } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { insertCannedResponse, MAX_SUGGESTIONS, matchCannedResponses, moveActive, slashQueryAt } from "./canned-picker.ts";

const canned = (shortCode: string, content: string, id = shortCode.length): CannedResponse => ({
  id,
  accountId: 1,
  shortCode,
  content,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const RESPONSES = [
  canned("toimitus", "Toimitus kestää yleensä 2–5 arkipäivää."),
  canned("palautus", "Voit palauttaa tuotteen 30 päivän sisällä."),
  canned("retur", "Du kan returnera varan inom 30 dagar."),
  canned("kiitos-palaute", "Kiitos palautteestasi!"),
  canned("Aukiolo", "Myymälät ovat auki ma–pe 7–21."),
];

describe("the /query at the caret", () => {
  it.each([
    ["/pal", 4, { start: 0, end: 4, query: "pal" }],
    ["Hei! /pal", 9, { start: 5, end: 9, query: "pal" }],
    ["Hei!\n/", 6, { start: 5, end: 6, query: "" }],
    ["/palautus ja muuta", 4, { start: 0, end: 4, query: "pal" }],
  ])("%j at %i", (text, caret, expected) => {
    expect(slashQueryAt(text, caret)).toEqual(expected);
  });

  it.each([
    ["https://k-rauta.fi/pal", 22],
    ["1/2", 3],
    ["/pal tuote", 10],
    ["no slash", 8],
    ["//pal", 5],
  ])("none in %j", (text, caret) => {
    expect(slashQueryAt(text, caret)).toBeNull();
  });
});

describe("matching canned responses", () => {
  it("ranks short codes that start with the query before those that contain it, then text matches", () => {
    expect(matchCannedResponses(RESPONSES, "pal").map((r) => r.shortCode)).toEqual(["palautus", "kiitos-palaute"]);
    expect(matchCannedResponses(RESPONSES, "30").map((r) => r.shortCode)).toEqual(["palautus", "retur"]);
  });

  it("ignores case and accents; an empty query lists everything alphabetically", () => {
    expect(matchCannedResponses(RESPONSES, "AUKI").map((r) => r.shortCode)).toEqual(["Aukiolo"]);
    expect(matchCannedResponses([canned("åtgärd", "Vi åtgärdar det.")], "atg").map((r) => r.shortCode)).toEqual(["åtgärd"]);
    expect(matchCannedResponses(RESPONSES, "").map((r) => r.shortCode)).toEqual(["Aukiolo", "kiitos-palaute", "palautus", "retur", "toimitus"]);
  });

  it("finds nothing for an unknown query, and never more than a screenful", () => {
    expect(matchCannedResponses(RESPONSES, "xyz")).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => canned(`code${i}`, "text", i));
    expect(matchCannedResponses(many, "code")).toHaveLength(MAX_SUGGESTIONS);
  });
});

describe("inserting a canned response", () => {
  it("replaces only the /query and puts the caret after the text", () => {
    const text = "Hei! /pal";
    expect(insertCannedResponse(text, slashQueryAt(text, 9)!, "Palautus onnistuu.")).toEqual({ text: "Hei! Palautus onnistuu.", caret: 23 });
  });

  it("keeps what follows the caret, separated by a space", () => {
    const text = "/palterve";
    expect(insertCannedResponse(text, { start: 0, end: 4, query: "pal" }, "Palautus.")).toEqual({ text: "Palautus. terve", caret: 10 });
    expect(insertCannedResponse("/pal terve", { start: 0, end: 4, query: "pal" }, "Palautus.")).toEqual({ text: "Palautus. terve", caret: 9 });
  });
});

describe("moving the active option", () => {
  it("wraps at both ends", () => {
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(1, 3, 1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(0);
  });
});
