/** `pnpm db:migrate`: applies the migrations to DATABASE_URL (or the PGlite data dir) and exits. */
import { loadConfig } from "../config.ts";
import { openDatabase, schemaVersion } from "./client.ts";

const config = loadConfig();
const database = await openDatabase({ url: config.database.url, migrationUrl: config.database.migrationUrl, poolSize: 1, ssl: config.database.ssl, dataDir: config.database.dataDir });
console.log(`migrations applied: ${await schemaVersion(database.db)} (${database.driver})`);
await database.close();
