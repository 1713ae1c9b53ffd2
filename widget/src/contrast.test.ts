import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accentColors, contrastRatio, DEFAULT_ACCENT, parseColor } from "./contrast.ts";

describe("parseColor", () => {
  it.each([
    ["#fff", [255, 255, 255]],
    ["#E30613", [227, 6, 19]],
    [" #0b5cd5 ", [11, 92, 213]],
    ["red", null],
    ["#12345", null],
    ["url(javascript:alert(1))", null],
  ])("%s", (input, expected) => {
    expect(parseColor(input)).toEqual(expected);
  });
});

describe("accentColors", () => {
  it("puts white text on a dark merchant colour and black on a light one", () => {
    expect(accentColors("#e30613")).toEqual({ accent: "#e30613", onAccent: "#ffffff" });
    expect(accentColors("#ffd400")).toEqual({ accent: "#ffd400", onAccent: "#000000" });
  });

  it("falls back to the default accent for anything it cannot read (nothing else reaches the style)", () => {
    expect(accentColors("red; background: url(x)").accent).toBe(DEFAULT_ACCENT);
    expect(accentColors(undefined).accent).toBe(DEFAULT_ACCENT);
  });

  it("meets WCAG AA (4.5:1) for text on any colour", () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, "0")}`);
    fc.assert(
      fc.property(hex, (colour) => {
        const { onAccent } = accentColors(colour);
        expect(contrastRatio(parseColor(colour)!, parseColor(onAccent)!)).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });
});
