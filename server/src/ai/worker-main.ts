/** A standalone AI worker process (no HTTP): `node --import tsx server/src/ai/worker-main.ts`
 * with DATABASE_URL; run as many as you like beside the servers. */
import pino from "pino";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { createInProcessHub } from "../realtime/hub.ts";
import { createPostgresHub, listenerConnection } from "../realtime/postgres-hub.ts";
import { providerFromConfig } from "./ai-pipeline.ts";
import { createWorker } from "./worker.ts";

const config = loadConfig();
const log = pino({ level: config.logLevel === "silent" ? "silent" : config.logLevel });
const database = await openDatabase({ url: config.database.url, migrationUrl: config.database.migrationUrl, poolSize: 4, ssl: config.database.ssl, dataDir: config.database.dataDir });
const hub =
  database.sql && database.url
    ? await createPostgresHub({ sql: database.sql, connectListener: listenerConnection(database.url, config.database.ssl), log })
    : createInProcessHub();
const worker = createWorker({
  db: database.db,
  hub,
  log,
  provider: providerFromConfig(config),
  leaseSeconds: config.workerLeaseSeconds,
  maxTokens: config.ai.maxTokens,
  perAccount: config.aiBudget.concurrency,
  budget: config.aiBudget,
  pollMs: 100,
});
worker.start();
log.info({ worker: worker.id }, "AI worker started");
process.stdout.write(`worker ready ${worker.id}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    await hub.close();
    await database.close();
    process.exit(0);
  });
}
