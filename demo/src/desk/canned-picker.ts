/** The pure half of the composer's `/shortcut` picker: finding the `/query` at the caret, ranking the
 * account's canned responses for it, and putting the chosen text in its place. */
import type { CannedResponse } from "@hummdesk/shared";

/** A `/query` being typed: `start` is the index of the slash, `end` the caret. */
export interface SlashQuery {
  start: number;
  end: number;
  query: string;
}

/** The list shows a handful; more only push the composer off a phone screen. */
export const MAX_SUGGESTIONS = 8;

/** The `/query` the caret sits at the end of, if any: the slash starts the text or follows a space
 * or line break (so a URL like `a/b` or a date `1/2` never opens the picker). */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)\/([^\s/]*)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? "";
  return { start: caret - query.length - 1, end: caret, query };
}

/** Lower case without accents, so `/aukiolo` finds `Aukiolo` and `/ake` finds `åke`. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Canned responses for a query, best first: short codes that start with it, then short codes
 * that contain it, then responses whose text contains it; alphabetical within each group. */
export function matchCannedResponses(responses: readonly CannedResponse[], query: string): CannedResponse[] {
  const wanted = fold(query.trim());
  const ranked: { response: CannedResponse; rank: number }[] = [];
  for (const response of responses) {
    const code = fold(response.shortCode);
    const rank = code.startsWith(wanted) ? 0 : code.includes(wanted) ? 1 : fold(response.content).includes(wanted) ? 2 : -1;
    if (rank >= 0) ranked.push({ response, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.response.shortCode.localeCompare(b.response.shortCode))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.response);
}

/** The composer's text with the `/query` replaced by the response, and where the caret goes: after
 * the inserted text (and one space, unless the text already continues with one). */
export function insertCannedResponse(text: string, slash: SlashQuery, content: string): { text: string; caret: number } {
  const after = text.slice(slash.end);
  const joiner = after === "" || /^\s/u.test(after) ? "" : " ";
  const inserted = `${content}${joiner}`;
  return { text: `${text.slice(0, slash.start)}${inserted}${after}`, caret: slash.start + inserted.length };
}

/** The option after (or before) the active one, wrapping around the ends. */
export function moveActive(index: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (index + step + count) % count;
}
