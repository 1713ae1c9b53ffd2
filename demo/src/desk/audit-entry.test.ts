import type { AuditLog } from "@hummdesk/shared";
import { describe, expect, it } from "vitest";
import { auditChanges, describeAuditEntry, formatAuditValue } from "./audit-entry.ts";

const names: Record<number, string> = { 1: "Anna Admin", 2: "Aino Agentti" };
const actorName = (userId: number) => names[userId];

const entry = (changes: Partial<AuditLog>): AuditLog => ({
  id: 40,
  accountId: 1,
  actorId: 1,
  action: "article.update",
  entityType: "article",
  entityId: "12",
  before: null,
  after: null,
  createdAt: "2025-03-01T10:00:00.000Z",
  ...changes,
});

const article = {
  id: 12,
  accountId: 1,
  title: "Palautusoikeus",
  body: "Käyttämättömän tuotteen voi palauttaa 30 päivän kuluessa kuitin kanssa mihin tahansa myymälään.",
  language: "fi",
  category: null,
  url: null,
  questions: ["Voinko palauttaa porakoneen?", "Kauanko palautusaikaa on?"],
  published: true,
  createdAt: "2025-03-01T10:00:00.000Z",
  updatedAt: "2025-03-01T10:00:00.000Z",
};

describe("audit log rows", () => {
  it("an edit names the member, the article by title, and only the fields that changed", () => {
    const row = describeAuditEntry(
      entry({ before: { title: "Palautusoikeus", questions: ["a"], published: true }, after: { title: "Palautus ja vaihto", questions: ["a", "b"], published: true } }),
      actorName,
    );
    expect(row).toEqual({
      id: 40,
      createdAt: "2025-03-01T10:00:00.000Z",
      who: "Anna Admin",
      verb: "edited",
      object: "article 12 “Palautus ja vaihto”",
      changes: ["title: “Palautusoikeus” → “Palautus ja vaihto”", "questions: 1 item → 2 items"],
    });
  });

  it("a creation lists what was set, long text cut short, bookkeeping and empty fields left out, at most four lines", () => {
    const row = describeAuditEntry(entry({ action: "article.create", after: article }), actorName);
    expect(row.verb).toBe("created");
    expect(row.object).toBe("article 12 “Palautusoikeus”");
    expect(row.changes).toEqual(["title: “Palautusoikeus”", "body: “Käyttämättömän tuotteen voi palauttaa 3…”", "language: “fi”", "and 2 more fields"]);
  });

  it("a deletion names the object and nothing else", () => {
    expect(describeAuditEntry(entry({ action: "article.delete", before: article }), actorName)).toMatchObject({ verb: "deleted", object: "article 12 “Palautusoikeus”", changes: [] });
  });

  it("what HummDesk did itself, a reply filed under its message, an unknown member and action", () => {
    expect(
      describeAuditEntry(
        entry({ actorId: null, action: "conversation.route", entityType: "conversation", entityId: "8", before: { teamId: null, assigneeId: null }, after: { teamId: 3, assigneeId: 2 } }),
        actorName,
      ),
    ).toMatchObject({ who: "HummDesk", verb: "routed", object: "conversation 8", changes: ["team id: none → 3", "assignee id: none → 2"] });
    expect(describeAuditEntry(entry({ actorId: 2, action: "conversation.reply", entityType: "message", entityId: "99", after: { conversationId: 8 } }), actorName)).toMatchObject({
      who: "Aino Agentti",
      verb: "replied in",
      object: "conversation 8",
      changes: [],
    });
    expect(describeAuditEntry(entry({ actorId: 77, action: "billing.export", entityType: "invoice_batch", entityId: "3" }), actorName)).toMatchObject({
      who: "user 77",
      verb: "billing.export",
      object: "invoice batch 3",
    });
    expect(describeAuditEntry(entry({ action: "inbox.secret_view", entityType: "inbox", entityId: "1" }), actorName)).toMatchObject({ verb: "viewed the identity secret of", object: "inbox 1", changes: [] });
  });

  it("values read as words", () => {
    expect(formatAuditValue(null)).toBe("none");
    expect(formatAuditValue("")).toBe("none");
    expect(formatAuditValue(false)).toBe("no");
    expect(formatAuditValue(["x"])).toBe("1 item");
    expect(formatAuditValue({ days: {} })).toBe("…");
    expect(formatAuditValue("  two\n lines ")).toBe("“two lines”");
    expect(auditChanges({ status: "open" }, { status: "open" })).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
