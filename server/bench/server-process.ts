/** A HummDesk server process for the benchmarks: `node server/dist/main.js` (the bundle `pnpm start` runs) on a free
 * port, with its pid (memory is read from /proc) and the time from spawn to the first /health 200.
 * Unlike e2e/server-process.ts it exposes the pid and leaves no process behind when the bench exits. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../test/free-port.ts";
import { REPO_ROOT } from "./paths.ts";

export interface BenchServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Spawn to the first `/health` 200. */
  readyMs: number;
  /** Resident set size of the server process, from /proc/<pid>/status. */
  rssBytes(): number;
  /** The last lines the process printed. */
  output(): string;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  env?: Record<string, string>;
  /** Reuse a data dir (PGlite) instead of a fresh one; it is then not removed on stop. */
  dataDir?: string;
  timeoutMs?: number;
  /** How often /health is polled while starting. */
  pollMs?: number;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** The bench's environment without HummDesk's own settings: a server gets only what the section says. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(HUMMDESK_|DATABASE_|OPENAI_|PORT$|HOST$|LOG_LEVEL$|NODE_ENV$)/.test(name)) continue;
    env[name] = value;
  }
  return env;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "hummdesk-bench-"));
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const begun = performance.now();
  // Node raises its own open-file limit to the hard limit, enough for 10,000 sockets where allowed.
  const child = spawn(process.execPath, ["--enable-source-maps", "server/dist/main.js"], {
    cwd: REPO_ROOT,
    env: {
      ...inheritedEnv(),
      NODE_ENV: "development",
      PORT: String(port),
      HOST: "127.0.0.1",
      HUMMDESK_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // The load generator gives each simulated visitor its own address through X-Forwarded-For,
      // as a proxy in front of the servers would; a server not behind one must not trust it.
      HUMMDESK_TRUST_PROXY: "1",
      // The realtime scenario opens 10,000 visitors on one inbox within seconds.
      HUMMDESK_VISITOR_TOKENS_PER_INBOX: "1000000",
      // Thousands of messages a minute measure the pipeline, not the per-account AI budget.
      HUMMDESK_AI_JOBS_PER_MINUTE: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  exited.then(() => running.delete(child));

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const timeoutMs = options.timeoutMs ?? 60_000;
  for (;;) {
    if (await healthy(url)) break;
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before /health answered: ${output.slice(-2000)}`);
    }
    if (performance.now() - begun > timeoutMs) {
      await stop();
      throw new Error(`server did not answer /health within ${timeoutMs} ms: ${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
  }
  const readyMs = performance.now() - begun;
  const pid = child.pid;
  if (pid === undefined) throw new Error("server process has no pid");

  return { url, port, pid, dataDir, readyMs, rssBytes: () => readRssBytes(pid), output: () => output, stop };
}
