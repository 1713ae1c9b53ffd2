/** The desk's audit log (supervisors and administrators): newest first, a page at a time. */
import type { Agent, AuditLog } from "@hummdesk/shared";
import { useCallback, useEffect, useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";
import { describeAuditEntry } from "./audit-entry.ts";

const PAGE_SIZE = 50;
const fullTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const shortTime = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export interface AuditLogViewProps {
  api: ApiClient;
  /** The account's members, to name who did what. */
  agents: Agent[];
}

export function AuditLogView({ api, agents }: AuditLogViewProps) {
  const [entries, setEntries] = useState<AuditLog[] | null>(null);
  const [nextCursor, setNextCursor] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: number) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.listAuditLog({ cursor, limit: PAGE_SIZE });
        setEntries((current) => (cursor === undefined ? page.entries : [...(current ?? []), ...page.entries]));
        setNextCursor(page.nextCursor);
      } catch (failure) {
        setError(`Could not load the audit log: ${describeError(failure)}`);
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const actorName = (userId: number) => agents.find((agent) => agent.userId === userId)?.name;

  return (
    <main class="desk-page audit-log" data-testid="audit-log-view">
      <div class="desk-page-head">
        <h1>Audit log</h1>
        <button type="button" class="button small" disabled={loading} onClick={() => void load()} data-testid="audit-refresh">
          Refresh
        </button>
      </div>
      <p class="desk-page-intro">What members and HummDesk itself changed in this account, newest first.</p>
      {entries && entries.length === 0 && <p class="list-message">Nothing has been recorded yet.</p>}
      {entries && entries.length > 0 && (
        <ol class="audit-list" data-testid="audit-list">
          {entries.map((entry) => {
            const row = describeAuditEntry(entry, actorName);
            return (
              <li key={row.id} class="audit-row" data-testid="audit-row" data-entry-id={row.id} data-action={entry.action} data-entity-id={entry.entityId}>
                <time class="audit-time" dateTime={row.createdAt} title={fullTime.format(new Date(row.createdAt))}>
                  {shortTime.format(new Date(row.createdAt))}
                </time>
                <p class="audit-summary">
                  <strong>{row.who}</strong> {row.verb} <span class="audit-object">{row.object}</span>
                </p>
                {row.changes.length > 0 && (
                  <ul class="audit-changes">
                    {row.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p class="alert error" role="alert" data-testid="audit-error">
          {error}
        </p>
      )}
      {!entries && !error && <p class="loading">Loading the audit log…</p>}
      {nextCursor !== null && (
        <button type="button" class="button load-more" disabled={loading} onClick={() => void load(nextCursor)} data-testid="audit-load-more">
          {loading ? "Loading…" : "Load more"}
        </button>
      )}
    </main>
  );
}
