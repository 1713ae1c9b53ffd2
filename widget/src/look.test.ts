import { describe, expect, it } from "vitest";
import { TEST_CONFIG } from "../test/fake-hummdesk-server.ts";
import { resolveLook } from "./look.ts";

describe("resolveLook", () => {
  it("takes everything from the inbox config when init gives nothing", () => {
    expect(resolveLook({ options: {}, config: TEST_CONFIG })).toEqual({
      position: "right",
      accent: "#e30613",
      onAccent: "#ffffff",
      locale: "fi",
      theme: "light",
      launcherText: null,
      hideLauncher: false,
    });
  });

  it("lets init options override the config", () => {
    const look = resolveLook({
      options: { position: "left", color: "#ffd400", locale: "sv", launcherText: " Chatta ", hideLauncher: true, darkMode: "auto" },
      config: TEST_CONFIG,
      browserLanguage: "fi-FI",
    });
    expect(look).toMatchObject({ position: "left", accent: "#ffd400", onAccent: "#000000", locale: "sv", theme: "auto", launcherText: "Chatta", hideLauncher: true });
  });

  it("prefers --hummdesk-color set in the page's CSS", () => {
    expect(resolveLook({ options: { color: "#ffd400" }, config: TEST_CONFIG, cssColor: "#003366" }).accent).toBe("#003366");
  });

  it("uses the browser's language before the inbox's, and setLocale before all", () => {
    expect(resolveLook({ options: {}, config: TEST_CONFIG, browserLanguage: "en-US" }).locale).toBe("en");
    expect(resolveLook({ options: { locale: "en" }, config: TEST_CONFIG, localeOverride: "sv" }).locale).toBe("sv");
  });

  it("maps darkMode true and false", () => {
    expect(resolveLook({ options: { darkMode: true }, config: TEST_CONFIG }).theme).toBe("dark");
    expect(resolveLook({ options: { darkMode: false }, config: TEST_CONFIG }).theme).toBe("light");
  });
});
