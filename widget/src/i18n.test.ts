import { describe, expect, it } from "vitest";
import { formatReplyTime, resolveLocale, supportedLocale } from "./i18n.ts";
import { LAUNCHER_STRINGS } from "./launcher-strings.ts";
import { loadStrings } from "./load-strings.ts";

describe("resolveLocale", () => {
  it("takes the first language the widget speaks: setLocale, init option, browser, inbox", () => {
    expect(resolveLocale(["sv", "fi", "en-GB", "fi"])).toBe("sv");
    expect(resolveLocale([null, "fi", "en-GB", "sv"])).toBe("fi");
    expect(resolveLocale([null, undefined, "sv-FI", "fi"])).toBe("sv");
    expect(resolveLocale([null, undefined, "de-DE", "fi"])).toBe("fi");
    expect(resolveLocale([null, "xx", "de"])).toBe("en");
  });

  it("reads language tags, not prefixes", () => {
    expect(supportedLocale("fi-FI")).toBe("fi");
    expect(supportedLocale("FI")).toBe("fi");
    expect(supportedLocale("fil")).toBeNull();
  });
});

it("has every string in every language, the launcher's included", async () => {
  const all = { en: await loadStrings("en"), fi: await loadStrings("fi"), sv: await loadStrings("sv") };
  const keys = Object.keys(all.en).sort();
  for (const strings of [...Object.values(all), ...Object.values(LAUNCHER_STRINGS)]) {
    if (!("send" in strings)) expect(Object.keys(strings).sort()).toEqual(Object.keys(LAUNCHER_STRINGS.en).sort());
    else expect(Object.keys(strings).sort()).toEqual(keys);
    for (const value of Object.values(strings)) expect(value).not.toBe("");
  }
  expect(all.fi.send).toBe("Lähetä");
  expect(all.sv.send).toBe("Skicka");
});

it("writes reply times as minutes, then hours", () => {
  expect(formatReplyTime(5)).toBe("5 min");
  expect(formatReplyTime(90)).toBe("2 h");
  expect(formatReplyTime(1440)).toBe("24 h");
});
