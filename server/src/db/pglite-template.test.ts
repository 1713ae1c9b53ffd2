/** The migrated template: keyed by the migrations' contents, and a fresh data dir copied from it
 * is fully migrated and keeps its rows across a restart. */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { MIGRATIONS_FOLDER, openDatabase, schemaVersion } from "./client.ts";
import { templateKey } from "./pglite-template.ts";

test("the template's key changes when any migration file changes", () => {
  const copy = mkdtempSync(join(tmpdir(), "hummdesk-migrations-key-"));
  try {
    cpSync(MIGRATIONS_FOLDER, copy, { recursive: true });
    const before = templateKey(copy);
    expect(templateKey(copy)).toBe(before);
    appendFileSync(join(copy, "0000_init.sql"), "\n-- changed\n");
    expect(templateKey(copy)).not.toBe(before);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("a fresh data dir starts from the template: every migration applied, rows kept on restart", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hummdesk-fresh-"));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
  try {
    const first = await openDatabase({ dataDir });
    expect(await schemaVersion(first.db)).toBe(journal.entries.length);
    await first.pglite!.exec("RESET ROLE; CREATE TABLE kept (n int); INSERT INTO kept VALUES (7);");
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.pglite!.exec("RESET ROLE");
    expect((await again.pglite!.query<{ n: number }>("select n from kept")).rows).toEqual([{ n: 7 }]);
    await again.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 300_000);
