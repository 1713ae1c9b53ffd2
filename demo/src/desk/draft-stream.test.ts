import { describe, expect, it } from "vitest";
import { applyCompleted, applyDelta, type DraftView, draftText, isActionable, isOvertaken, mergeApiDraft } from "./draft-stream.ts";
import { draft } from "./test-fixtures.ts";

const delta = (index: number, text: string, draftId = 5) => ({ draftId, conversationId: 1, index, text });

function stream(deltas: ReturnType<typeof delta>[]): DraftView | undefined {
  return deltas.reduce<DraftView | undefined>((current, next) => applyDelta(current, next), undefined);
}

describe("draft streaming", () => {
  it("shows deltas in index order, whatever order they arrive in", () => {
    const shuffled = stream([delta(2, " toimitus"), delta(0, "Hei,"), delta(1, " tilauksesi")]);
    expect(draftText(shuffled!)).toBe("Hei, tilauksesi toimitus");
  });

  it("shows only the unbroken run from index 0 while a delta is missing", () => {
    const gap = stream([delta(0, "Hei"), delta(2, " maailma")]);
    expect(draftText(gap!)).toBe("Hei");
    expect(draftText(applyDelta(gap, delta(1, ",")))).toBe("Hei, maailma");
  });

  it("ignores a repeated delta", () => {
    expect(draftText(stream([delta(0, "A"), delta(0, "B"), delta(1, "C")])!)).toBe("AC");
  });

  it("ignores late frames of an older draft", () => {
    const newer = stream([delta(0, "uusi", 6)]);
    expect(applyDelta(newer, delta(3, "vanha", 5))).toBe(newer);
  });

  it("takes the completed content as final and stays actionable unless it was auto-sent", () => {
    const completed = applyCompleted(stream([delta(0, "Hei")]), {
      draftId: 5,
      conversationId: 1,
      citations: [{ articleId: 3, title: "Toimitusajat", url: null }],
      content: "Hei! Toimitus kestää 2–4 päivää.",
    });
    expect(draftText(completed)).toBe("Hei! Toimitus kestää 2–4 päivää.");
    expect(completed.status).toBe("ready");
    expect(isActionable(completed)).toBe(true);

    const autoSent = applyCompleted(undefined, { draftId: 5, conversationId: 1, messageId: 77, citations: [], content: "x" });
    expect(autoSent.status).toBe("accepted");
    expect(isActionable(autoSent)).toBe(false);
  });

  it("shows the API's partial text for a draft joined mid-stream until the deltas overtake it", () => {
    const joined = mergeApiDraft(undefined, draft({ content: "Hei, tilauksesi" }));
    const later = applyDelta(joined, delta(7, " on matkalla"));
    expect(draftText(later)).toBe("Hei, tilauksesi");
  });

  it("lets a finished status from the API replace a streaming one", () => {
    const streaming = stream([delta(0, "Hei")]);
    const rejected = mergeApiDraft(streaming, draft({ status: "rejected", content: "Hei" }));
    expect(rejected.status).toBe("rejected");
    expect(isActionable(rejected)).toBe(false);
  });

  it("treats a draft loaded from the API with a sent message as history, not an action", () => {
    expect(isActionable(mergeApiDraft(undefined, draft({ status: "ready", content: "Hei", sentMessageId: 12 })))).toBe(false);
    expect(isActionable(mergeApiDraft(undefined, draft({ status: "ready", content: "Hei" })))).toBe(true);
    expect(isActionable(mergeApiDraft(undefined, draft({ status: "superseded", content: "Hei" })))).toBe(false);
  });

  it("is overtaken once an agent answered the latest visitor message by hand, or the conversation is resolved", () => {
    const visitor = { senderType: "contact", private: false, messageType: "incoming" };
    const reply = { senderType: "agent", private: false, messageType: "outgoing" };
    const note = { senderType: "agent", private: true, messageType: "note" };
    expect(isOvertaken([visitor], "open")).toBe(false);
    expect(isOvertaken([visitor, note], "open")).toBe(false);
    expect(isOvertaken([visitor, reply], "open")).toBe(true);
    expect(isOvertaken([visitor, reply, visitor], "open")).toBe(false);
    expect(isOvertaken([visitor], "resolved")).toBe(true);
  });
});
