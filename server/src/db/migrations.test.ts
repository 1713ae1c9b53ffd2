import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { MIGRATIONS_FOLDER } from "./client.ts";

test("drizzle-kit generate on the committed schema produces no new migration", () => {
  const out = mkdtempSync(join(tmpdir(), "hummdesk-migrations-"));
  try {
    cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    const before = readdirSync(out).sort();
    const root = join(MIGRATIONS_FOLDER, "..");
    const run = spawnSync(
      join(root, "node_modules/.bin/drizzle-kit"),
      ["generate", "--dialect", "postgresql", "--schema", "./server/src/db/schema.ts", "--out", relative(root, out)],
      { cwd: root, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(`${run.stdout}${run.stderr}`).toMatch(/nothing to migrate|No schema changes/i);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
