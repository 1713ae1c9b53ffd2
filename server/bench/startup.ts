/** 7. Start-up: `node server/dist/main.js` (the bundle `pnpm start` runs after building) to
 * the first `/health` 200, on a fresh PGlite data dir (migrations and seed) and again on the same
 * dir (warm). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./stats.ts";
import { fmt, ms } from "./report.ts";
import { checkAborted, type Section } from "./section.ts";
import { startBenchServer } from "./server-process.ts";

const RUNS = 3;

export const startupSection: Section = {
  id: "startup",
  title: "7. Start-up time",
  timeoutMs: 150_000,
  async run({ log, defer, signal }) {
    const fresh: number[] = [];
    const warm: number[] = [];
    const rss: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const dataDir = mkdtempSync(join(tmpdir(), "hummdesk-bench-start-"));
      defer(() => rmSync(dataDir, { recursive: true, force: true }));
      for (const kind of ["fresh", "warm"] as const) {
        checkAborted(signal);
        const server = await startBenchServer({ dataDir, pollMs: 10 });
        defer(() => server.stop());
        (kind === "fresh" ? fresh : warm).push(server.readyMs);
        if (kind === "warm") rss.push(server.rssBytes());
        log(`run ${run}: ${kind} start ${fmt(server.readyMs, 0)} ms`);
        await server.stop();
      }
    }
    const row = (label: string, samples: number[]) => [label, ms(median(samples), 0), samples.map((s) => fmt(s, 0)).join(", ")];
    return {
      tables: [
        {
          columns: ["start", "median of 3", "runs (ms)"],
          rows: [row("fresh data dir (PGlite created, migrations, K-Rauta seed)", fresh), row("warm (second start on the same data dir)", warm)],
        },
      ],
      notes: [
        "Measured from spawning `node --enable-source-maps server/dist/main.js` (the esbuild bundle `pnpm start` runs; NODE_ENV=development, PGlite, built-in AI) to the first `GET /health` 200, polled every 10 ms.",
        `Server RSS right after a warm start: ${fmt(median(rss) / 1024 ** 2, 0)} MiB (median).`,
      ],
      figures: { freshMs: fresh, warmMs: warm, freshMedianMs: median(fresh), warmMedianMs: median(warm), warmRssBytes: rss },
    };
  },
};
