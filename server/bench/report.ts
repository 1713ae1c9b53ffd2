/** The benchmark report: what a section returns, and the Markdown and JSON files written from all of them. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MachineInfo } from "./machine.ts";

export interface Table {
  /** One line above the table. */
  caption?: string;
  columns: string[];
  rows: string[][];
}

export interface SectionResult {
  tables: Table[];
  /** How it was measured and what to keep in mind, one line each. */
  notes: string[];
  /** Every figure, machine-readable (numbers in ms, bytes or per second, as the key says). */
  figures: Record<string, unknown>;
}

export interface SectionReport extends Partial<SectionResult> {
  id: string;
  title: string;
  status: "ok" | "failed";
  durationMs: number;
  error?: string;
}

export interface BenchReport {
  machine: MachineInfo;
  startedAt: string;
  totalMs: number;
  sections: SectionReport[];
}

/** A figure for a table cell: fixed digits, thousands separated, "—" for a missing one. */
export function fmt(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  // No "-0" for a difference that rounds to nothing.
  if (Number(value.toFixed(digits)) === 0) value = 0;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const ms = (value: number | null | undefined, digits = 1) => (Number.isFinite(value) ? `${fmt(value, digits)} ms` : "—");
export const bytes = (value: number | null | undefined) => fmt(value, 0);

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function renderTable(table: Table): string {
  const lines: string[] = [];
  if (table.caption) lines.push(table.caption, "");
  lines.push(`| ${table.columns.map(escapeCell).join(" | ")} |`);
  lines.push(`|${table.columns.map(() => "---").join("|")}|`);
  for (const row of table.rows) lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
  return lines.join("\n");
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    "# HummDesk benchmarks",
    "",
    `Run ${report.startedAt} by \`pnpm bench\` in ${fmt(report.totalMs / 1000, 0)} s` + (m.gitCommit ? ` at commit \`${m.gitCommit}\`` : "") + ".",
    "",
    "| machine | |",
    "|---|---|",
    `| CPU | ${escapeCell(m.cpuModel)} × ${m.cores} |`,
    `| memory | ${fmt(m.memoryGiB, 1)} GiB |`,
    `| OS | ${escapeCell(m.os)} |`,
    `| Node.js | ${m.node} |`,
    `| PostgreSQL | ${escapeCell(m.postgres ?? "not started")} |`,
    `| Chromium | ${escapeCell(m.chromium ?? "not started")} |`,
    `| load average (1, 5, 15 min) | at start ${m.loadAverage.atStart.map((l) => fmt(l, 2)).join(", ")}; at end ${m.loadAverage.atEnd.map((l) => fmt(l, 2)).join(", ")} |`,
    `| packages | ${escapeCell(Object.entries(m.packages).map(([name, version]) => `${name} ${version}`).join(", "))} |`,
    "",
    "Load is generated on the same machine as the servers (they share the cores), against 127.0.0.1 only.",
    "Percentiles are nearest-rank.",
  ];
  for (const section of report.sections) {
    out.push("", `## ${section.title}`, "");
    if (section.status === "failed") {
      out.push(`**Failed after ${fmt(section.durationMs / 1000, 1)} s:** ${escapeCell(section.error ?? "unknown error")}`);
    }
    for (const table of section.tables ?? []) out.push(renderTable(table), "");
    for (const note of section.notes ?? []) out.push(`- ${note}`);
    if (section.status === "ok") out.push("", `_Section time: ${fmt(section.durationMs / 1000, 1)} s._`);
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

export function writeReport(directory: string, report: BenchReport): { markdown: string; json: string } {
  mkdirSync(directory, { recursive: true });
  const markdown = join(directory, "latest.md");
  const json = join(directory, "latest.json");
  writeFileSync(markdown, renderMarkdown(report));
  writeFileSync(json, `${JSON.stringify(report, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2)}\n`);
  return { markdown, json };
}
