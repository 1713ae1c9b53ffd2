import { describe, expect, it } from "vitest";
import { neighbourConversation, type ShortcutKey, shortcutFor } from "./shortcuts.ts";

const press = (key: string, rest: Partial<ShortcutKey> = {}): ShortcutKey => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: "BODY",
  targetEditable: false,
  inDialog: false,
  handled: false,
  ...rest,
});

describe("which command a key press means", () => {
  it.each([
    ["j", "next"],
    ["k", "previous"],
    ["r", "reply"],
    ["e", "resolve"],
    ["?", "help"],
    ["x", null],
    ["J", null],
    ["Enter", null],
  ])("%s on the page -> %s", (key, command) => {
    expect(shortcutFor(press(key))).toBe(command);
  });

  it("works from a focused button or list row", () => {
    expect(shortcutFor(press("j", { targetTag: "BUTTON" }))).toBe("next");
  });

  it.each(["INPUT", "TEXTAREA", "SELECT", "textarea"])("never while typing in %s", (targetTag) => {
    expect(shortcutFor(press("e", { targetTag }))).toBeNull();
  });

  it("never in an editable element, a dialog, or after another handler took the key", () => {
    expect(shortcutFor(press("r", { targetTag: "DIV", targetEditable: true }))).toBeNull();
    expect(shortcutFor(press("j", { inDialog: true }))).toBeNull();
    expect(shortcutFor(press("j", { handled: true }))).toBeNull();
  });

  it.each([{ ctrlKey: true }, { metaKey: true }, { altKey: true }])("never with %o (browser and system keys)", (modifier) => {
    expect(shortcutFor(press("r", modifier))).toBeNull();
    expect(shortcutFor(press("?", modifier))).toBeNull();
  });
});

describe("the conversation j and k lead to", () => {
  const list = [11, 7, 3];
  it.each([
    [null, "next", 11],
    [null, "previous", 11],
    [11, "next", 7],
    [7, "next", 3],
    [3, "next", 3],
    [3, "previous", 7],
    [11, "previous", 11],
    [99, "next", 11],
  ] as const)("from %s, %s -> %s", (selected, direction, expected) => {
    expect(neighbourConversation(list, selected, direction)).toBe(expected);
  });

  it("none in an empty list", () => {
    expect(neighbourConversation([], null, "next")).toBeNull();
  });
});
