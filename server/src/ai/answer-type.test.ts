import { describe, expect, it } from "vitest";
import { askedTypes, holdsAnswer } from "./answer-type.ts";

describe("answer types", () => {
  it.each([
    ["How much does parcel delivery cost?", "en", ["price"]],
    ["Paljonko rahti maksaa?", "fi", ["price"]],
    ["Vad kostar hemleverans?", "sv", ["price"]],
    ["How long does delivery take?", "en", ["time"]],
    ["Kauanko palautus kestää?", "fi", ["time"]],
    ["Hur länge gäller presentkortet?", "sv", ["time"]],
    ["När öppnar ni?", "sv", ["time"]],
    ["Montako päivää tilaus odottaa?", "fi", ["time", "days"]],
    ["Hur många timmar tar det?", "sv", ["hours"]],
    ["Can I return a drill?", "en", []],
    ["Voiko porakoneen vuokrata?", "fi", []],
  ] as const)("%s asks for %j", (question, language, types) => {
    expect(askedTypes(question, language)).toEqual(types);
  });

  it.each([
    ["It costs €9.90.", "price", true],
    ["Pakettitoimitus maksaa 9,90 €.", "price", true],
    ["Fraktleverans kostar från 59 €.", "price", true],
    ["We refund within 14 days.", "time", true],
    ["Hyvitys maksetaan 14 päivän kuluessa.", "time", true],
    ["Myymälät palvelevat klo 7–21.", "time", true],
    ["Open 7:00–21:00.", "time", true],
    ["Usually ready within two hours.", "time", true],
    ["Bring your receipt.", "time", false],
    ["Bring your receipt.", "price", false],
    ["Within 14 days.", "price", false],
    ["Nouda tilaus 7 päivän kuluessa.", "days", true],
    ["Usually ready within two hours.", "days", false],
    ["Usually ready within two hours.", "hours", true],
  ] as const)("%s holds a %s: %s", (text, type, expected) => {
    expect(holdsAnswer(text, type)).toBe(expected);
  });
});
