/** Database-level guarantees, on PGlite and on a PostgreSQL server: migrations, row-level
 * security that fails closed, composite keys across tenants, no leak through the pool. */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createSeededTestDatabase, createTestDatabase, ownerQuery, type TestDatabase } from "../../test/test-database.ts";
import type { seedBoth } from "../../test/fixtures.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { rowsOf, schemaVersion, withAccount } from "./client.ts";
import { conversations, messages } from "./schema.ts";
import { KRAUTA_SUBDOMAIN, seedKRauta } from "./seed.ts";

let database: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedBoth>>;
beforeEach(async () => {
  ({ database, seeded } = await createSeededTestDatabase({ poolSize: 2 }));
});
afterEach(async () => {
  await database.close();
});

describe("migrations and catalog", () => {
  test("every migration is applied", async () => {
    expect(await schemaVersion(database.db)).toBeGreaterThanOrEqual(2);
  });

  test("every table with account_id has RLS enabled and forced and a policy with USING and WITH CHECK", async () => {
    const tables = await ownerQuery<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number; checked: number }>(
      database,
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polqual is not null and p.polwithcheck is not null) as checked
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'account_id' and not a.attisdropped)
       order by c.relname`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(14);
    for (const t of tables) {
      expect({ table: t.relname, rls: t.relrowsecurity, forced: t.relforcerowsecurity, checked: t.checked > 0 }).toEqual({
        table: t.relname,
        rls: true,
        forced: true,
        checked: true,
      });
    }
  });

  test("the application role is not the owner, not a superuser, has no BYPASSRLS; views are security_invoker", async () => {
    const [role] = rowsOf<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      await database.db.execute(sql`select current_user, r.rolsuper, r.rolbypassrls,
        (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relowner = r.oid) as owns
        from pg_roles r where r.rolname = current_user`),
    );
    expect(role).toEqual({ current_user: "hummdesk_app", rolsuper: false, rolbypassrls: false, owns: 0 });
    const views = await ownerQuery<{ relname: string; options: string[] | null }>(
      database,
      `select c.relname, c.reloptions as options from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'v'`,
    );
    for (const v of views) expect(v.options ?? []).toContain("security_invoker=true");
  });
});

describe("tenancy in the database", () => {
  test("fail closed: outside withAccount, tenant tables return no rows", async () => {
    for (const table of ["accounts", "users", "teams", "inboxes", "contacts", "conversations", "messages", "knowledge_base_articles", "sla_policies"]) {
      const rows = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
      expect({ table, n: Number(rows[0]?.n) }).toEqual({ table, n: 0 });
    }
    const owner = await ownerQuery<{ n: number }>(database, "select count(*)::int as n from knowledge_base_articles");
    expect(Number(owner[0]?.n)).toBeGreaterThan(24);
  });

  test("a message of account A in a conversation of account B is refused by the database itself", async () => {
    const { krauta, neighbour } = seeded;
    // Even with RLS satisfied (account A set), the composite key refuses B's conversation id.
    await expect(
      withAccount(database.db, krauta.accountId, (tx) =>
        tx.insert(messages).values({
          accountId: krauta.accountId,
          conversationId: neighbour.conversationId,
          senderType: "agent",
          messageType: "outgoing",
          content: "cross-tenant",
        }),
      ),
    ).rejects.toThrow();
    // And writing a row of B while bound to A violates the policy's WITH CHECK.
    await expect(
      withAccount(database.db, krauta.accountId, (tx) =>
        tx.insert(messages).values({
          accountId: neighbour.accountId,
          conversationId: neighbour.conversationId,
          senderType: "agent",
          messageType: "outgoing",
          content: "cross-tenant",
        }),
      ),
    ).rejects.toThrow();
    const counted = await ownerQuery<{ n: number }>(database, `select count(*)::int as n from messages where content = 'cross-tenant'`);
    expect(Number(counted[0]?.n)).toBe(0);
  });

  test("the tenant service of A never reads or writes B's rows", async () => {
    const { krauta, neighbour } = seeded;
    const a = createTenantService(database.db, krauta.accountId);
    expect(await a.getConversation(neighbour.conversationId)).toBeNull();
    expect(await a.getMessage(neighbour.messageId)).toBeNull();
    expect(await a.getContact(neighbour.contactId)).toBeNull();
    expect(await a.getInbox(neighbour.inboxId)).toBeNull();
    expect(await a.getTeam(neighbour.teamId)).toBeNull();
    expect(await a.updateConversation(neighbour.conversationId, { status: "resolved" })).toBeNull();
    expect(await a.getConversationMessages(neighbour.conversationId)).toEqual([]);
    const articles = await a.listArticles();
    expect(articles.every((x) => x.accountId === krauta.accountId)).toBe(true);
    expect((await a.listAgents()).map((x) => x.email)).not.toContain("elsa@tradgardsboden.example");
    const b = createTenantService(database.db, neighbour.accountId);
    expect((await b.getConversation(neighbour.conversationId))?.status).toBe("open");
  });

  test("no leak through the pool: concurrent units of work alternating between two accounts see only their own rows", async () => {
    const { krauta, neighbour } = seeded;
    const runs = Array.from({ length: 40 }, (_, i) => {
      const accountId = i % 2 === 0 ? krauta.accountId : neighbour.accountId;
      return withAccount(database.db, accountId, async (tx) => {
        const rows = await tx.select({ accountId: conversations.accountId }).from(conversations);
        const seen = rowsOf<{ a: string }>(await tx.execute(sql`select current_setting('app.account_id', true) as a`));
        await tx.execute(sql`select pg_sleep(0.002)`);
        const articles = rowsOf<{ account_id: string | number }>(await tx.execute(sql`select distinct account_id from knowledge_base_articles`));
        return { accountId, setting: Number(seen[0]?.a), rows, articles: articles.map((r) => Number(r.account_id)) };
      });
    });
    for (const r of await Promise.all(runs)) {
      expect(r.setting).toBe(r.accountId);
      expect(r.rows.every((row) => row.accountId === r.accountId)).toBe(true);
      expect(r.articles).toEqual([r.accountId]);
    }
    // After the transactions the pooled connections carry no account.
    const after = rowsOf<{ a: string | null }>(await database.db.execute(sql`select current_setting('app.account_id', true) as a`));
    expect(after[0]?.a ?? "").toBe("");
  });
});

describe("triggers, functions and seed", () => {
  test("updated_at is maintained by a trigger", async () => {
    const { krauta } = seeded;
    const t = createTenantService(database.db, krauta.accountId);
    const inbox = await t.getInbox(krauta.inboxId);
    await new Promise((r) => setTimeout(r, 20));
    const updated = await t.updateInbox(krauta.inboxId, { color: "#123456" });
    expect(updated?.color).toBe("#123456");
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThan(Date.parse(inbox!.updatedAt));
  });

  test("get_available_agents lists online agents with free capacity, least loaded first", async () => {
    const { krauta } = seeded;
    const t = createTenantService(database.db, krauta.accountId);
    const returns = krauta.teamIds["palautukset"]!;
    const aino = krauta.agentIds["aino@k-rauta.example"]!;
    const mikko = krauta.agentIds["mikko@k-rauta.example"]!;
    const sanna = krauta.agentIds["sanna@k-rauta.example"]!;
    const contact = await t.createContact({ name: "Visitor" });
    // Aino gets two open conversations, Mikko one: Mikko is least loaded.
    for (const assigneeId of [aino, aino, mikko]) await t.createConversation({ inboxId: krauta.inboxId, contactId: contact.id, assigneeId, teamId: returns });
    const agents = await t.getAvailableAgents(returns);
    expect(agents.map((a) => [a.userId, a.openConversations])).toEqual([
      [mikko, 1],
      [aino, 2],
    ]);
    // Offline agents never appear; an agent at capacity drops out.
    await t.setAvailability(sanna, "online");
    const all = await t.getAvailableAgents(null);
    expect(all[0]?.openConversations).toBe(0);
    await t.setAvailability(mikko, "offline");
    expect((await t.getAvailableAgents(returns)).map((a) => a.userId)).toEqual([aino]);
    for (let i = 0; i < 3; i++) await t.createConversation({ inboxId: krauta.inboxId, contactId: contact.id, assigneeId: aino });
    expect(await t.getAvailableAgents(returns)).toEqual([]);
  });

  test("every seeded K-Rauta article carries 3–5 example questions; questions are searched with the title's weight", async () => {
    const { krauta } = seeded;
    const t = createTenantService(database.db, krauta.accountId);
    const articles = await t.listArticles();
    expect(articles.length).toBe(30);
    for (const article of articles) {
      expect(article.questions.length, article.title).toBeGreaterThanOrEqual(3);
      expect(article.questions.length, article.title).toBeLessThanOrEqual(5);
    }
    // A word only in the questions finds the article, ranked as a title word would be; changing
    // only the questions refreshes the search vector.
    const created = await t.createArticle({ title: "Lemmikit", body: "Avustajakoirat ovat tervetulleita.", language: "fi", questions: ["Saako kissan tuoda myymälään?"] });
    const search = (word: string) =>
      withAccount(database.db, krauta.accountId, async (tx) =>
        rowsOf<{ id: string | number; rank: number }>(
          await tx.execute(sql`select id, ts_rank(search_vector, to_tsquery('finnish', ${word})) as rank from knowledge_base_articles where search_vector @@ to_tsquery('finnish', ${word})`),
        ),
      );
    const byQuestion = await search("kissan");
    expect(byQuestion.map((r) => Number(r.id))).toEqual([created.id]);
    const byTitle = await search("lemmikit");
    expect(byQuestion[0]!.rank).toBeCloseTo(byTitle[0]!.rank, 5);
    await t.updateArticle(created.id, { questions: ["Saako koiran tuoda myymälään?"] });
    expect(await search("kissan")).toEqual([]);
    expect((await search("koiran")).map((r) => Number(r.id))).toEqual([created.id]);
  });

  test("the K-Rauta seed is idempotent", async () => {
    await database.close();
    database = await createTestDatabase();
    const first = await seedKRauta(database.db);
    const second = await seedKRauta(database.db);
    expect(second.accountId).toBe(first.accountId);
    expect(second.inboxId).toBe(first.inboxId);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    const t = createTenantService(database.db, first.accountId);
    const account = await t.getAccount();
    expect(account?.subdomain).toBe(KRAUTA_SUBDOMAIN);
    const articles = await t.listArticles();
    expect(articles.length).toBeGreaterThanOrEqual(24);
    for (const lang of ["fi", "sv", "en"] as const) expect(articles.filter((a) => a.language === lang).length).toBeGreaterThanOrEqual(8);
    expect((await t.listTeams()).length).toBe(4);
    expect((await t.listAgents()).length).toBe(4);
    expect((await t.listSLAPolicies()).length).toBe(4);
  });
});
