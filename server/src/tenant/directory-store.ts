/** Account, teams, agents, inboxes, contacts, knowledge base, SLA policies and the audit log of
 * one account (RLS-bound executor). */
import { randomBytes } from "node:crypto";
import type {
  AccountStatus,
  Account,
  Agent,
  AICategory,
  Availability,
  AuditLog,
  BusinessHours,
  Contact,
  Inbox,
  KnowledgeBaseArticle,
  Language,
  Priority,
  Role,
  SLAPolicy,
  Team,
  TeamAvailability,
} from "@hummdesk/shared";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { type Executor, rowsOf } from "../db/client.ts";
import {
  type Attributes,
  accounts,
  accountUsers,
  auditLogs,
  contacts,
  inboxTeams,
  inboxes,
  knowledgeBaseArticles,
  slaPolicies,
  teamMembers,
  teams,
  users,
} from "../db/schema.ts";
import { iso, toArticle, toAuditLog, toContact, toInbox, toSLAPolicy, toTeam } from "./mappers.ts";

export interface NewInbox {
  name: string;
  websiteToken?: string;
  websiteUrl?: string | null;
  allowedOrigins?: string[];
  color?: string;
  position?: Inbox["position"];
  locale?: Inbox["locale"];
  greeting?: Record<string, string>;
  aiMode?: Inbox["aiMode"];
  requireEmail?: boolean;
  enforceIdentity?: boolean;
  businessHours?: BusinessHours | null;
  replyTimeMinutes?: number;
  hmacSecret?: string;
}

export interface NewArticle {
  title: string;
  body: string;
  language: Language;
  category?: AICategory | null;
  url?: string | null;
  /** Example visitor questions the article answers, in its language. */
  questions?: string[];
  published?: boolean;
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "team";

export const newWebsiteToken = () => randomBytes(12).toString("base64url");
export const newHmacSecret = () => randomBytes(32).toString("hex");

export function directoryStore(tx: Executor, accountId: number) {
  return {
    async getAccount(): Promise<Account | null> {
      const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
      if (!row) return null;
      return {
        id: row.id,
        name: row.name,
        subdomain: row.subdomain,
        status: row.status,
        locale: row.locale,
        settings: { ...row.settings, categoryTeams: row.settings.categoryTeams ?? {} },
        createdAt: iso(row.createdAt),
      };
    },

    async updateAccountSettings(settings: { categoryTeams?: Record<string, number> }): Promise<void> {
      await tx
        .update(accounts)
        .set({ settings: sql`${accounts.settings} || ${JSON.stringify(settings)}::jsonb` })
        .where(eq(accounts.id, accountId));
    },

    async addToAccount(userId: number, role: Role = "agent", options: { maxConcurrent?: number; availability?: Availability } = {}) {
      await tx
        .insert(accountUsers)
        .values({ accountId, userId, role, ...options })
        .onConflictDoUpdate({ target: [accountUsers.accountId, accountUsers.userId], set: { role } });
    },

    async getUserByEmail(email: string) {
      const [row] = await tx
        .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
        .from(users)
        .where(eq(users.email, email.toLowerCase()));
      return row ? { ...row, createdAt: iso(row.createdAt) } : null;
    },

    /** The user's role here and the account's status (the guard refuses an inactive account). */
    async getMembership(userId: number): Promise<{ role: Role; accountStatus: AccountStatus } | null> {
      const [row] = await tx
        .select({ role: accountUsers.role, accountStatus: accounts.status })
        .from(accountUsers)
        .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
        .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)));
      return row ?? null;
    },

    async getAccountStatus(): Promise<AccountStatus | null> {
      const [row] = await tx.select({ status: accounts.status }).from(accounts).where(eq(accounts.id, accountId));
      return row?.status ?? null;
    },

    async createTeam(input: { name: string; slug?: string; description?: string; categories?: AICategory[] }): Promise<Team> {
      const [row] = await tx
        .insert(teams)
        .values({ accountId, name: input.name, slug: input.slug ?? slugify(input.name), description: input.description ?? "", categories: input.categories ?? [] })
        .returning();
      return toTeam(row!);
    },

    async getTeam(id: number): Promise<Team | null> {
      const [row] = await tx.select().from(teams).where(and(eq(teams.accountId, accountId), eq(teams.id, id)));
      return row ? toTeam(row) : null;
    },

    async listTeams(): Promise<Team[]> {
      return (await tx.select().from(teams).where(eq(teams.accountId, accountId)).orderBy(teams.id)).map(toTeam);
    },

    async addTeamMember(teamId: number, userId: number): Promise<void> {
      await tx.insert(teamMembers).values({ accountId, teamId, userId }).onConflictDoNothing();
    },

    async listTeamMembers(teamId: number): Promise<number[]> {
      const rows = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId)));
      return rows.map((r) => r.userId);
    },

    async createInbox(input: NewInbox, teamIds: number[] = []): Promise<Inbox & { hmacSecret: string }> {
      const [row] = await tx
        .insert(inboxes)
        .values({ accountId, ...input, websiteToken: input.websiteToken ?? newWebsiteToken(), hmacSecret: input.hmacSecret ?? newHmacSecret() })
        .returning();
      for (const teamId of teamIds) await tx.insert(inboxTeams).values({ accountId, inboxId: row!.id, teamId }).onConflictDoNothing();
      return { ...toInbox(row!), hmacSecret: row!.hmacSecret };
    },

    async getInbox(id: number): Promise<Inbox | null> {
      const [row] = await tx
        .select()
        .from(inboxes)
        .where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id)))
        .prepare("inbox_by_id")
        .execute();
      return row ? toInbox(row) : null;
    },

    async getInboxSecret(id: number): Promise<string | null> {
      const [row] = await tx.select({ secret: inboxes.hmacSecret }).from(inboxes).where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id)));
      return row?.secret ?? null;
    },

    async listInboxes(): Promise<Inbox[]> {
      return (await tx.select().from(inboxes).where(eq(inboxes.accountId, accountId)).orderBy(inboxes.id)).map(toInbox);
    },

    async updateInbox(id: number, patch: Partial<Omit<NewInbox, "websiteToken" | "hmacSecret">>): Promise<Inbox | null> {
      if (Object.keys(patch).length === 0) return this.getInbox(id);
      const [row] = await tx.update(inboxes).set(patch).where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id))).returning();
      return row ? toInbox(row) : null;
    },

    async createContact(input: {
      name?: string | null;
      email?: string | null;
      identifier?: string | null;
      identifierVerified?: boolean;
      visitorId?: string | null;
      customAttributes?: Attributes;
    }): Promise<Contact> {
      const [row] = await tx.insert(contacts).values({ accountId, ...input }).returning();
      return toContact(row!);
    },

    async getContact(id: number): Promise<Contact | null> {
      const [row] = await tx.select().from(contacts).where(and(eq(contacts.accountId, accountId), eq(contacts.id, id)));
      return row ? toContact(row) : null;
    },

    async findContactByEmail(email: string): Promise<Contact | null> {
      const [row] = await tx.select().from(contacts).where(and(eq(contacts.accountId, accountId), eq(contacts.email, email))).orderBy(contacts.id).limit(1);
      return row ? toContact(row) : null;
    },

    /** The contact that proved this identifier (with the inbox's HMAC); unverified claims never match. */
    async findContactByIdentifier(identifier: string): Promise<Contact | null> {
      const [row] = await tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.accountId, accountId), eq(contacts.identifier, identifier), eq(contacts.identifierVerified, true)));
      return row ? toContact(row) : null;
    },

    async getContactVisitor(id: number): Promise<string | null> {
      const [row] = await tx.select({ visitorId: contacts.visitorId }).from(contacts).where(and(eq(contacts.accountId, accountId), eq(contacts.id, id)));
      return row?.visitorId ?? null;
    },

    async findContactByVisitor(visitorId: string): Promise<Contact | null> {
      const [row] = await tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.accountId, accountId), eq(contacts.visitorId, visitorId)))
        .prepare("contact_by_visitor")
        .execute();
      return row ? toContact(row) : null;
    },

    async updateContact(
      id: number,
      patch: {
        name?: string | null;
        email?: string | null;
        identifier?: string | null;
        identifierVerified?: boolean;
        visitorId?: string | null;
        customAttributes?: Attributes;
      },
    ): Promise<Contact | null> {
      const { customAttributes, ...rest } = patch;
      const set: Record<string, unknown> = { ...rest, lastSeenAt: new Date().toISOString() };
      // Attributes merge: a key given replaces its value, a key left out keeps its value.
      if (customAttributes) set.customAttributes = sql`${contacts.customAttributes} || ${JSON.stringify(customAttributes)}::jsonb`;
      const [row] = await tx.update(contacts).set(set).where(and(eq(contacts.accountId, accountId), eq(contacts.id, id))).returning();
      return row ? toContact(row) : null;
    },

    async listAgents(): Promise<Agent[]> {
      const rows = rowsOf<{
        user_id: string | number;
        name: string;
        email: string;
        role: Role;
        availability: Availability;
        max_concurrent: number;
        open_conversations: string | number;
        last_seen_at: string | null;
        present: boolean;
      }>(
        await tx.execute(sql`
          select au.user_id, u.name, u.email, au.role, au.availability, au.max_concurrent, au.last_seen_at,
                 coalesce(au.present_until > now(), false) as present,
                 (select count(*) from conversations c where c.account_id = au.account_id and c.assignee_id = au.user_id
                    and c.status in ('open', 'pending')) as open_conversations
          from account_users au join users u on u.id = au.user_id
          where au.account_id = ${accountId} order by u.name, au.user_id`),
      );
      return rows.map((r) => ({
        userId: Number(r.user_id),
        accountId,
        name: r.name,
        email: r.email,
        role: r.role,
        availability: r.availability,
        present: r.present === true || (r.present as unknown) === "t",
        maxConcurrent: r.max_concurrent,
        openConversations: Number(r.open_conversations),
        lastSeenAt: r.last_seen_at ? iso(r.last_seen_at) : null,
      }));
    },

    async setAvailability(userId: number, availability: Availability): Promise<boolean> {
      const rows = await tx
        .update(accountUsers)
        .set({ availability, lastSeenAt: new Date().toISOString() })
        .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)))
        .returning({ userId: accountUsers.userId });
      return rows.length > 0;
    },

    /** Online agents of a team (or the account) with free capacity, least loaded first. */
    async getAvailableAgents(teamId: number | null) {
      const rows = rowsOf<{
        user_id: string | number;
        name: string;
        open_conversations: number;
        max_concurrent: number;
        utilisation: number;
        last_assigned_at: string | null;
      }>(await tx.execute(sql`select * from get_available_agents(${accountId}, ${teamId})`));
      return rows.map((r) => ({
        userId: Number(r.user_id),
        name: r.name,
        openConversations: Number(r.open_conversations),
        maxConcurrent: Number(r.max_concurrent),
        utilisation: Number(r.utilisation),
        lastAssignedAt: r.last_assigned_at ? iso(r.last_assigned_at) : null,
      }));
    },

    /** Counts an assignment on the agent (round-robin tie-break and metrics). */
    async recordAssignment(userId: number): Promise<void> {
      await tx
        .update(accountUsers)
        .set({ totalAssigned: sql`${accountUsers.totalAssigned} + 1`, lastAssignedAt: new Date().toISOString() })
        .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)));
    },

    async getTeamsAvailability(): Promise<TeamAvailability[]> {
      const rows = rowsOf<{
        team_id: string | number;
        team_name: string;
        online_agents: string | number;
        total_agents: string | number;
        open_conversations: string | number;
        capacity: string | number;
        online_load: string | number;
      }>(
        await tx.execute(sql`
          select t.id as team_id, t.name as team_name,
            count(au.user_id) filter (where au.availability = 'online') as online_agents,
            count(au.user_id) as total_agents,
            (select count(*) from conversations c where c.account_id = t.account_id and c.team_id = t.id
               and c.status in ('open', 'pending')) as open_conversations,
            coalesce(sum(au.max_concurrent) filter (where au.availability = 'online'), 0) as capacity,
            coalesce(sum((select count(*) from conversations c where c.account_id = t.account_id
               and c.assignee_id = au.user_id and c.status in ('open', 'pending')))
               filter (where au.availability = 'online'), 0) as online_load
          from teams t
          left join team_members tm on tm.account_id = t.account_id and tm.team_id = t.id
          left join account_users au on au.account_id = tm.account_id and au.user_id = tm.user_id
          where t.account_id = ${accountId}
          group by t.id order by t.id`),
      );
      return rows.map((r) => {
        const capacity = Number(r.capacity);
        return {
          teamId: Number(r.team_id),
          teamName: r.team_name,
          onlineAgents: Number(r.online_agents),
          totalAgents: Number(r.total_agents),
          openConversations: Number(r.open_conversations),
          capacity,
          utilisation: capacity === 0 ? 0 : Number(r.online_load) / capacity,
        };
      });
    },

    async createArticle(input: NewArticle): Promise<KnowledgeBaseArticle> {
      const [row] = await tx.insert(knowledgeBaseArticles).values({ accountId, ...input }).returning();
      return toArticle(row!);
    },

    async getArticle(id: number): Promise<KnowledgeBaseArticle | null> {
      const [row] = await tx.select().from(knowledgeBaseArticles).where(and(eq(knowledgeBaseArticles.accountId, accountId), eq(knowledgeBaseArticles.id, id)));
      return row ? toArticle(row) : null;
    },

    async listArticles(): Promise<KnowledgeBaseArticle[]> {
      return (await tx.select().from(knowledgeBaseArticles).where(eq(knowledgeBaseArticles.accountId, accountId)).orderBy(knowledgeBaseArticles.id)).map(toArticle);
    },

    async updateArticle(id: number, patch: Partial<NewArticle>): Promise<KnowledgeBaseArticle | null> {
      if (Object.keys(patch).length === 0) return this.getArticle(id);
      const [row] = await tx.update(knowledgeBaseArticles).set(patch).where(and(eq(knowledgeBaseArticles.accountId, accountId), eq(knowledgeBaseArticles.id, id))).returning();
      return row ? toArticle(row) : null;
    },

    async deleteArticle(id: number): Promise<boolean> {
      const rows = await tx.delete(knowledgeBaseArticles).where(and(eq(knowledgeBaseArticles.accountId, accountId), eq(knowledgeBaseArticles.id, id))).returning({ id: knowledgeBaseArticles.id });
      return rows.length > 0;
    },

    async upsertSLAPolicy(priority: Priority, firstResponseMinutes: number, resolutionMinutes: number): Promise<SLAPolicy> {
      const [row] = await tx
        .insert(slaPolicies)
        .values({ accountId, priority, firstResponseMinutes, resolutionMinutes })
        .onConflictDoUpdate({ target: [slaPolicies.accountId, slaPolicies.priority], set: { firstResponseMinutes, resolutionMinutes } })
        .returning();
      return toSLAPolicy(row!);
    },

    async listSLAPolicies(): Promise<SLAPolicy[]> {
      return (await tx.select().from(slaPolicies).where(eq(slaPolicies.accountId, accountId)).orderBy(slaPolicies.id)).map(toSLAPolicy);
    },

    async appendAudit(entry: { actorId: number | null; action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown }): Promise<AuditLog> {
      const [row] = await tx
        .insert(auditLogs)
        .values({ accountId, ...entry, entityId: String(entry.entityId), before: entry.before ?? null, after: entry.after ?? null })
        .returning();
      return toAuditLog(row!);
    },

    async listAudit(options: { cursor?: number | undefined; limit?: number } = {}): Promise<{ entries: AuditLog[]; nextCursor: number | null }> {
      const limit = options.limit ?? 50;
      const rows = await tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.accountId, accountId), options.cursor ? lt(auditLogs.id, options.cursor) : undefined))
        .orderBy(desc(auditLogs.id))
        .limit(limit + 1);
      const entries = rows.slice(0, limit).map(toAuditLog);
      return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },

    /** One member of the account as an agent (null when the user is not a member). */
    async getAgent(userId: number): Promise<Agent | null> {
      return (await this.listAgents()).find((agent) => agent.userId === userId) ?? null;
    },

    /** Replaces the teams an inbox routes to. */
    async setInboxTeams(inboxId: number, teamIds: number[]): Promise<void> {
      await tx.delete(inboxTeams).where(and(eq(inboxTeams.accountId, accountId), eq(inboxTeams.inboxId, inboxId)));
      for (const teamId of teamIds) await tx.insert(inboxTeams).values({ accountId, inboxId, teamId }).onConflictDoNothing();
    },
  };
}

export type DirectoryStore = ReturnType<typeof directoryStore>;
