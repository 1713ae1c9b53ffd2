/** A socket's resume: replays every message after an id in pages, waiting for the client to read
 * each page before loading the next, so a long absence neither stops at a page nor floods memory. */
import type { Message } from "@hummdesk/shared";
import type { Connection, Frame } from "./connection.ts";

export const RESUME_PAGE = 1000;

export async function replayMissed(
  conn: Connection,
  after: number,
  loadPage: (after: number, limit: number) => Promise<Message[]>,
  toFrame: (message: Message) => Frame,
): Promise<void> {
  conn.beginReplay();
  let cursor = after;
  for (;;) {
    const page = await loadPage(cursor, RESUME_PAGE);
    const last = page.at(-1);
    if (!last || page.length < RESUME_PAGE) {
      conn.endReplay(page.map((m) => ({ frame: toFrame(m), messageId: m.id })));
      return;
    }
    conn.replayPage(page.map((m) => ({ frame: toFrame(m), messageId: m.id })));
    cursor = last.id;
    await conn.drained();
    if (!conn.open) return;
  }
}
