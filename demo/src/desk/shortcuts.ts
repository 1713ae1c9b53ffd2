/** The desk's single-key shortcuts (j, k, r, e, ?): which command a key press means, and which
 * conversation "next" and "previous" lead to. Pure, so the page only wires them to the DOM. */

export type ShortcutCommand = "next" | "previous" | "reply" | "resolve" | "help";

/** What the key handler needs from a keydown event and the element it happened in. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Tag name of the event's target, upper case as the DOM gives it (INPUT, TEXTAREA, BUTTON…). */
  targetTag: string;
  targetEditable: boolean;
  /** A modal (the help dialog) is open: its own keys win. */
  inDialog: boolean;
  /** Another handler (the canned-response picker) already used the key. */
  handled: boolean;
}

export const SHORTCUTS: readonly { key: string; command: ShortcutCommand; description: string }[] = [
  { key: "j", command: "next", description: "Next conversation in the list" },
  { key: "k", command: "previous", description: "Previous conversation in the list" },
  { key: "r", command: "reply", description: "Write a reply (focus the reply box)" },
  { key: "e", command: "resolve", description: "Resolve the open conversation" },
  { key: "?", command: "help", description: "Show these shortcuts" },
];

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** The command a key press means, or null: never while the agent types somewhere, never with
 * Ctrl, Cmd or Alt (those belong to the browser and the system). Shift is allowed because `?`
 * needs it on most layouts; `J` (Shift+j) is not `j`. */
export function shortcutFor(press: ShortcutKey): ShortcutCommand | null {
  if (press.handled || press.inDialog) return null;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (TYPING_TAGS.has(press.targetTag.toUpperCase()) || press.targetEditable) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.command ?? null;
}

/** The conversation j (next) or k (previous) opens from the selected one: the first in the list
 * when none is selected (or the selected one left the list), and no move past either end. */
export function neighbourConversation(listIds: readonly number[], selectedId: number | null, direction: "next" | "previous"): number | null {
  if (listIds.length === 0) return null;
  const index = selectedId === null ? -1 : listIds.indexOf(selectedId);
  if (index === -1) return listIds[0] ?? null;
  const target = direction === "next" ? Math.min(index + 1, listIds.length - 1) : Math.max(index - 1, 0);
  return listIds[target] ?? null;
}
