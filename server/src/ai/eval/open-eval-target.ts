/** A fresh in-memory PGlite database, migrated and seeded with the K-Rauta tenant: what the
 * evaluation runs on (the same schema, migrations and seed as a first start). */
import { openDatabase } from "../../db/client.ts";
import { seedKRauta } from "../../db/seed.ts";
import type { EvalTarget } from "./evaluate-pipeline.ts";

export async function openEvalTarget(): Promise<EvalTarget & { close(): Promise<void> }> {
  const handle = await openDatabase({});
  const seeded = await seedKRauta(handle.db);
  return { db: handle.db, accountId: seeded.accountId, inboxId: seeded.inboxId, close: () => handle.close() };
}
