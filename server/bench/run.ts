/** `pnpm bench`: runs every benchmark section in turn (each bounded in time, a failure recorded and
 * the run continuing), then writes server/bench/results/latest.md and latest.json.
 * `pnpm bench --only=ingest,realtime` runs some sections only (written to server/bench/.tmp/). */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { aiStreamingSection } from "./ai-streaming.ts";
import type { BenchPostgres } from "./bench-postgres.ts";
import { startBenchPostgres } from "./bench-postgres.ts";
import { classifierSection } from "./classifier.ts";
import { ingestSection } from "./ingest.ts";
import { describeMachine } from "./machine.ts";
import { PARTIAL_RESULTS_DIR, REPO_ROOT, RESULTS_DIR } from "./paths.ts";
import { realtimeSection } from "./realtime.ts";
import { type BenchReport, fmt, type SectionReport, writeReport } from "./report.ts";
import { scaleOutSection } from "./scale-out.ts";
import type { Section } from "./section.ts";
import { startupSection } from "./startup.ts";
import { widgetSpeedSection } from "./widget-speed.ts";
import { widgetWeightSection } from "./widget-weight.ts";

const SECTIONS: Section[] = [
  widgetWeightSection,
  widgetSpeedSection,
  ingestSection,
  realtimeSection,
  aiStreamingSection,
  scaleOutSection,
  startupSection,
  classifierSection,
];

/** 10,000 client sockets need as many descriptors. Node raises its soft limit to the hard one at
 * start (children inherit it); below that the realtime section reports how many sockets it reached. */
const WANTED_FILES = 12_000;
function warnAboutFileLimit(): void {
  const limit = Number(execFileSync("/bin/sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim());
  if (limit < WANTED_FILES) console.log(`open-file limit ${limit} < ${WANTED_FILES}: raise the hard limit (ulimit -Hn) for 10,000 sockets`);
}

function ensureBuilt(): void {
  const needed = ["widget/dist/widget.js", "widget/dist/snippet.min.js", "demo/dist/index.html", "server/dist/main.js"];
  const missing = needed.filter((file) => !existsSync(join(REPO_ROOT, file)));
  if (missing.length === 0) return;
  console.log(`${missing.join(", ")} missing: running pnpm build`);
  const built = spawnSync("pnpm", ["build"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error("pnpm build failed: the widget and demo are needed by the bench");
}

function selectedSections(): Section[] {
  const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
  if (!only) return SECTIONS;
  const ids = only.split(",").map((id) => id.trim());
  const unknown = ids.filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")}: choose from ${SECTIONS.map((s) => s.id).join(", ")}`);
  return SECTIONS.filter((section) => ids.includes(section.id));
}

async function runSection(section: Section, shared: { machine: BenchReport["machine"]; postgres: () => Promise<BenchPostgres> }): Promise<SectionReport> {
  const started = performance.now();
  const cleanups: (() => unknown)[] = [];
  const controller = new AbortController();
  const prefix = `[${section.id}]`;
  console.log(`\n${prefix} ${section.title} (at most ${fmt(section.timeoutMs / 1000, 0)} s)`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${section.timeoutMs / 1000} s`));
    }, section.timeoutMs);
  });
  try {
    const result = await Promise.race([
      section.run({
        postgres: shared.postgres,
        machine: shared.machine,
        log: (message) => console.log(`${prefix} ${message}`),
        defer: (cleanup) => cleanups.push(cleanup),
        signal: controller.signal,
      }),
      timeout,
    ]);
    const durationMs = performance.now() - started;
    console.log(`${prefix} done in ${fmt(durationMs / 1000, 1)} s`);
    return { id: section.id, title: section.title, status: "ok", durationMs, ...result };
  } catch (error) {
    const durationMs = performance.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    console.log(`${prefix} FAILED: ${message}`);
    return { id: section.id, title: section.title, status: "failed", durationMs, error: message };
  } finally {
    clearTimeout(timer);
    controller.abort();
    for (const cleanup of cleanups.reverse()) {
      try {
        await Promise.race([cleanup(), new Promise((resolve) => setTimeout(resolve, 20_000))]);
      } catch (error) {
        console.log(`${prefix} clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

async function main(): Promise<void> {
  warnAboutFileLimit();
  // A section that timed out may leave a request or a wait behind; its failure is already recorded.
  process.on("unhandledRejection", (reason) => {
    console.log(`(ignored) late failure: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
  const sections = selectedSections();
  ensureBuilt();
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const machine = describeMachine(REPO_ROOT);
  console.log(`HummDesk bench: ${sections.length} section(s) on ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}`);

  let postgres: Promise<BenchPostgres> | null = null;
  const shared = {
    machine,
    postgres: () => {
      postgres ??= startBenchPostgres().then((pg) => {
        machine.postgres = pg.version;
        return pg;
      });
      return postgres;
    },
  };
  const stopPostgres = async () => {
    const running = postgres;
    postgres = null;
    if (running) await (await running.catch(() => null))?.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping`);
      stopPostgres().finally(() => process.exit(130));
    });
  }

  const reports: SectionReport[] = [];
  try {
    for (const section of sections) reports.push(await runSection(section, shared));
  } finally {
    await stopPostgres();
  }
  machine.loadAverage.atEnd = loadavg();
  const report: BenchReport = { machine, startedAt, totalMs: performance.now() - started, sections: reports };
  // A run of some sections only is written aside (git-ignored), so latest.md always has all of them.
  const written = writeReport(sections.length === SECTIONS.length ? RESULTS_DIR : PARTIAL_RESULTS_DIR, report);
  const failed = reports.filter((r) => r.status === "failed");
  console.log(`\nbench finished in ${fmt(report.totalMs / 1000, 0)} s; ${failed.length ? `failed: ${failed.map((r) => r.id).join(", ")}` : "every section ran"}`);
  console.log(`wrote ${written.markdown}\n      ${written.json}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
