import { beforeAll, describe, expect, it } from "vitest";
import { detectLanguage, loadLanguageDetector } from "./detect-language.ts";

beforeAll(() => loadLanguageDetector());

describe("detectLanguage", () => {
  it.each([
    ["Missä tilaukseni on? Tilasin viime viikolla", "fi"],
    ["Var är min beställning? Jag har väntat i tio dagar", "sv"],
    ["Where is my order? I placed it last Monday", "en"],
    ["mista loydan lahimman myymalan", "fi"],
    ["hur lång är leveranstiden", "sv"],
    ["Wo ist meine Bestellung? Ich habe vor zwei Wochen bestellt", "other"],
  ] as const)("%s -> %s", (text, language) => {
    expect(detectLanguage(text, "en").language).toBe(language);
  });

  it.each(["Hi!", "Moi", "Hej", "ok", "👍", "#123456"])("falls back to the inbox language for %s", (text) => {
    expect(detectLanguage(text, "sv")).toMatchObject({ language: "sv", usedFallback: true });
    expect(detectLanguage(text, "fi").language).toBe("fi");
  });

  it("takes a short reply's language from the visitor's earlier messages", () => {
    const guess = detectLanguage("ok tack", "fi", ["var är min beställning, jag har väntat länge"]);
    expect(guess.language).toBe("sv");
  });

  it("does not let an order number or e-mail address decide", () => {
    expect(detectLanguage("tilaus 4481223 matti@example.com", "sv").language).toBe("sv");
  });
});
