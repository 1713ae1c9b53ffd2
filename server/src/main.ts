/** The process: read config, build the app, listen, and close gracefully on SIGINT/SIGTERM. */
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { DEMO_ADMIN, DEMO_AGENT_PASSWORD, DEMO_SUPPORT, TRADGARDSBODEN_AGENT } from "./db/seed.ts";

const config = loadConfig();
const app = await buildApp(config);
await app.listen({ port: config.port, host: config.host });

const base = config.publicUrl ?? `http://localhost:${config.port}`;
const driver = app.database.driver === "pglite" ? `PGlite (${config.database.dataDir})` : "PostgreSQL";
const lines = [
  "",
  `HummDesk is running on ${driver}, AI: ${config.ai.apiKey ? `OpenAI-compatible (${config.ai.model})` : "built-in provider"}`,
  `  Storefront    ${base}/`,
  `  Configurator  ${base}/configure`,
  `  Agent desk    ${base}/desk`,
  `  API docs      ${base}/docs`,
];
if (config.env === "development" && config.seed) {
  lines.push(
    "",
    "Demo sign-in (development only):",
    `  admin   ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
    `  agents  aino@k-rauta.example, mikko@k-rauta.example, sanna@k-rauta.example / ${DEMO_AGENT_PASSWORD}`,
    `  second shop (Trädgårdsboden)  ${TRADGARDSBODEN_AGENT.email} / ${DEMO_AGENT_PASSWORD}`,
    `  both shops (account switcher)  ${DEMO_SUPPORT.email} / ${DEMO_AGENT_PASSWORD}`,
  );
}
if (app.seedCredentials.length > 0) {
  // Printed once, to the terminal only (not the request log); they are not stored anywhere else.
  lines.push("", "Demo users with generated passwords (shown only now; change them after signing in):");
  for (const credential of app.seedCredentials) lines.push(`  ${credential.email} / ${credential.password}`);
}
console.log(lines.join("\n"));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
