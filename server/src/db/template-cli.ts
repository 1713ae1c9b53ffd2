/** `pnpm build` step: builds the migrated PGlite template now, so the first fresh start is fast too. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_FOLDER } from "./client.ts";
import { copyMigratedTemplate } from "./pglite-template.ts";

const scratch = mkdtempSync(join(tmpdir(), "hummdesk-template-"));
await copyMigratedTemplate(MIGRATIONS_FOLDER, join(scratch, "data"));
rmSync(scratch, { recursive: true, force: true });
