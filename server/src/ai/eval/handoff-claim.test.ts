import { describe, expect, it } from "vitest";
import { ANSWER_TEMPLATES } from "../answer-templates.ts";
import { systemText } from "../../inbox/system-texts.ts";
import { claimsHandoff } from "./handoff-claim.ts";

describe("claimsHandoff", () => {
  it("recognises every hand-off and failure text the server sends, in fi, sv and en", () => {
    for (const language of ["fi", "sv", "en"] as const) {
      expect(claimsHandoff(systemText("aiHandoff", language, "fi")), language).toBe(true);
      expect(claimsHandoff(systemText("aiFailed", language, "fi")), language).toBe(true);
    }
  });

  it("does not take an offer or an ordinary answer for a claim", () => {
    expect(claimsHandoff("Jos tämä ei vastannut kysymykseesi, voin välittää keskustelun asiakaspalvelijallemme.")).toBe(false);
    expect(claimsHandoff("Om det här inte svarade på din fråga kan jag koppla dig vidare till vår kundtjänst.")).toBe(false);
    expect(claimsHandoff("If this doesn't answer your question, I can pass you to someone from our team.")).toBe(false);
    expect(claimsHandoff("You can return an item within 30 days of purchase.")).toBe(false);
    expect(claimsHandoff(ANSWER_TEMPLATES.en.greeting)).toBe(false);
  });
});
