import { describe, expect, it } from "vitest";
import { activityText } from "./activity-text.ts";

describe("activity lines", () => {
  it("renders the code in the desk's language, with who did it", () => {
    const assigned = { content: "Assigned to Mikko Korhonen by Aino Virtanen", meta: { code: "conversation.assigned", assignee: "Mikko Korhonen", actor: "Aino Virtanen" } };
    expect(activityText(assigned, "en")).toBe("Assigned to Mikko Korhonen by Aino Virtanen");
    expect(activityText(assigned, "fi")).toBe("Osoitettu: Mikko Korhonen (Aino Virtanen)");
    expect(activityText({ content: "Resolved", meta: { code: "conversation.resolved" } }, "sv")).toBe("Löst");
    const woken = { content: "Snooze ended", meta: { code: "conversation.snooze_ended" } };
    expect([activityText(woken, "en"), activityText(woken, "fi"), activityText(woken, "sv")]).toEqual(["Snooze ended", "Torkutus päättyi", "Snoozningen är slut"]);
  });

  it("keeps the stored text for lines without a known code", () => {
    expect(activityText({ content: "Something else happened", meta: null }, "fi")).toBe("Something else happened");
    expect(activityText({ content: "x", meta: { code: "future.code" } }, "en")).toBe("x");
  });
});
