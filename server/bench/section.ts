/** What every benchmark section is given and returns. */
import type { BenchPostgres } from "./bench-postgres.ts";
import type { MachineInfo } from "./machine.ts";
import type { SectionResult } from "./report.ts";

export interface SectionContext {
  /** The shared PostgreSQL server, started on first use. */
  postgres(): Promise<BenchPostgres>;
  machine: MachineInfo;
  /** A progress line on stdout. */
  log(message: string): void;
  /** Cleans up after the section, also when it fails or times out (last registered runs first). */
  defer(cleanup: () => unknown): void;
  /** Aborted when the section's time is up: long loops check it. */
  signal: AbortSignal;
}

export interface Section {
  id: string;
  title: string;
  timeoutMs: number;
  run(context: SectionContext): Promise<SectionResult>;
}

/** Throws when the section has been stopped (its time is up). */
export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new Error("stopped: the section's time is up");
}
