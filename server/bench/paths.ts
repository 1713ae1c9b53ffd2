/** Where things are: the repository root and the results folder. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(BENCH_DIR, "../..");
export const RESULTS_DIR = join(BENCH_DIR, "results");
/** Where a run of some sections only is written (git-ignored). */
export const PARTIAL_RESULTS_DIR = join(BENCH_DIR, ".tmp/results");
