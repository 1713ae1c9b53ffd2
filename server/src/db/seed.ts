/** The demo tenants: K-Rauta (also the tests' realistic fixture) and the Swedish garden shop
 * Trädgårdsboden, with one support user in both; idempotent, run on first start. */
import { randomBytes } from "node:crypto";
import type { AICategory, Availability, BusinessHours, Role } from "@hummdesk/shared";
import { createTenantService } from "../tenant/tenant-service.ts";
import { createAccount, createUser, findLogin, getAccountIdBySubdomain } from "../tenant/system.ts";
import { eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { type Database, withAccount } from "./client.ts";
import { users } from "./schema.ts";
import { KRAUTA_CANNED_RESPONSES } from "./seed-data/canned-responses.ts";
import { KRAUTA_ARTICLES, NEIGHBOUR_ARTICLES } from "./seed-data/knowledge-base.ts";

export const KRAUTA_SUBDOMAIN = "k-rauta";
export const KRAUTA_WEBSITE_TOKEN = "krauta-storefront-demo";
export const DEMO_ADMIN = { email: "admin@k-rauta.example", password: "hummdesk-admin", name: "Kaisa Rautio" } as const;
export const DEMO_AGENT_PASSWORD = "hummdesk-agent";
export const TRADGARDSBODEN_SUBDOMAIN = "tradgardsboden";
export const TRADGARDSBODEN_WEBSITE_TOKEN = "tradgardsboden-web";
export const TRADGARDSBODEN_AGENT = { email: "elsa@tradgardsboden.example", name: "Elsa Lind" } as const;
/** A member of both demo accounts, so the desk's account switcher can be tried (agent password). */
export const DEMO_SUPPORT = { email: "support@hummdesk.example", name: "Sofia Berg" } as const;

const AGENTS: { email: string; name: string; availability: Availability; teams: string[] }[] = [
  { email: "aino@k-rauta.example", name: "Aino Virtanen", availability: "online", teams: ["asiakaspalvelu", "palautukset"] },
  { email: "mikko@k-rauta.example", name: "Mikko Korhonen", availability: "online", teams: ["tilaukset-ja-toimitukset", "palautukset"] },
  { email: "sanna@k-rauta.example", name: "Sanna Nieminen", availability: "offline", teams: ["tuoteneuvonta", "asiakaspalvelu"] },
];

const TEAMS: { slug: string; name: string; description: string; categories: AICategory[] }[] = [
  { slug: "asiakaspalvelu", name: "Asiakaspalvelu", description: "Yleiset kysymykset, myymälät ja asiakastili", categories: ["store_info", "account", "other"] },
  { slug: "tilaukset-ja-toimitukset", name: "Tilaukset ja toimitukset", description: "Tilausten tila, toimitukset ja maksut", categories: ["order_status", "delivery", "billing_payment"] },
  { slug: "palautukset", name: "Palautukset", description: "Palautukset, hyvitykset ja reklamaatiot", categories: ["returns_refunds", "complaint"] },
  { slug: "tuoteneuvonta", name: "Tuoteneuvonta", description: "Tuotteet ja rakentamisen neuvonta", categories: ["product_question"] },
];

const BUSINESS_HOURS: BusinessHours = {
  timezone: "Europe/Helsinki",
  days: {
    "1": { open: "07:00", close: "21:00" },
    "2": { open: "07:00", close: "21:00" },
    "3": { open: "07:00", close: "21:00" },
    "4": { open: "07:00", close: "21:00" },
    "5": { open: "07:00", close: "21:00" },
    "6": { open: "09:00", close: "18:00" },
    "7": { open: "12:00", close: "18:00" },
  },
};

export interface SeedCredential {
  email: string;
  password: string;
}

export interface SeedOptions {
  /** Production: each user created now gets a random password (returned once) instead of the
   * published demo one. */
  randomPasswords?: boolean;
}

export interface SeedResult {
  accountId: number;
  inboxId: number;
  adminId: number;
  agentIds: Record<string, number>;
  teamIds: Record<string, number>;
  created: boolean;
  /** Users created by this call with a generated password (only with `randomPasswords`). */
  credentials: SeedCredential[];
}

/** Finds or creates a demo user; a user created with `randomPasswords` has its password added to `credentials`. */
function userMaker(db: Database, options: SeedOptions, credentials: SeedCredential[]) {
  return async (email: string, name: string, demoPassword: string): Promise<number> => {
    const found = await findLogin(db, email);
    if (found) return found.userId;
    const password = options.randomPasswords ? randomBytes(18).toString("base64url") : demoPassword;
    if (options.randomPasswords) credentials.push({ email, password });
    return createUser(db, { email, name, password });
  };
}

export async function seedKRauta(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const credentials: SeedCredential[] = [];
  const ensureUser = userMaker(db, options, credentials);
  const existing = await getAccountIdBySubdomain(db, KRAUTA_SUBDOMAIN);
  const accountId = existing ?? (await createAccount(db, { name: "K-Rauta", subdomain: KRAUTA_SUBDOMAIN, locale: "fi" }));
  const adminId = await ensureUser(DEMO_ADMIN.email, DEMO_ADMIN.name, DEMO_ADMIN.password);
  const agentIds: Record<string, number> = {};
  for (const agent of AGENTS) agentIds[agent.email] = await ensureUser(agent.email, agent.name, DEMO_AGENT_PASSWORD);

  const tenant = createTenantService(db, accountId);
  return tenant.transaction(async (t) => {
    const role: Role = "administrator";
    if (!(await t.getMembership(adminId))) await t.addToAccount(adminId, role, { availability: "online" });
    for (const agent of AGENTS) {
      const userId = agentIds[agent.email]!;
      if (!(await t.getMembership(userId))) await t.addToAccount(userId, "agent", { availability: agent.availability, maxConcurrent: 5 });
    }
    const teams = await t.listTeams();
    const teamIds: Record<string, number> = Object.fromEntries(teams.map((team) => [team.slug, team.id]));
    for (const team of TEAMS) {
      if (teamIds[team.slug] !== undefined) continue;
      teamIds[team.slug] = (await t.createTeam(team)).id;
      for (const agent of AGENTS.filter((a) => a.teams.includes(team.slug))) await t.addTeamMember(teamIds[team.slug]!, agentIds[agent.email]!);
    }
    let inbox = (await t.listInboxes()).find((i) => i.websiteToken === KRAUTA_WEBSITE_TOKEN);
    if (!inbox) {
      inbox = await t.createInbox(
        {
          name: "K-Rauta verkkokauppa",
          websiteToken: KRAUTA_WEBSITE_TOKEN,
          websiteUrl: "https://www.k-rauta.example",
          color: "#e30613",
          position: "right",
          locale: "fi",
          greeting: {
            fi: "Hei! Miten voimme auttaa? Kysy tilauksista, toimituksista, palautuksista tai tuotteista.",
            sv: "Hej! Hur kan vi hjälpa dig? Fråga om beställningar, leveranser, returer eller produkter.",
            en: "Hi! How can we help? Ask about orders, delivery, returns or products.",
          },
          aiMode: "auto_reply",
          businessHours: BUSINESS_HOURS,
          replyTimeMinutes: 5,
        },
        Object.values(teamIds),
      );
      for (const [priority, first, resolution] of [
        ["urgent", 15, 240],
        ["high", 60, 480],
        ["medium", 240, 1440],
        ["low", 480, 2880],
      ] as const) {
        await t.upsertSLAPolicy(priority, first, resolution);
      }
      for (const article of KRAUTA_ARTICLES) {
        await t.createArticle({ title: article.title, body: article.body, language: article.language, category: article.category, url: article.url, questions: article.questions ?? [] });
      }
      for (const canned of KRAUTA_CANNED_RESPONSES) await t.createCannedResponse(canned);
    }
    return { accountId, inboxId: inbox.id, adminId, agentIds, teamIds, created: existing === null, credentials };
  });
}

export interface TradgardsbodenSeedResult {
  accountId: number;
  inboxId: number;
  agentId: number;
  teamId: number;
}

/** The second demo shop: Swedish, its own agent, team, inbox (AI suggests, agents answer) and articles. */
export async function seedTradgardsboden(db: Database, options: SeedOptions = {}, credentials: SeedCredential[] = []): Promise<TradgardsbodenSeedResult> {
  const ensureUser = userMaker(db, options, credentials);
  const existing = await getAccountIdBySubdomain(db, TRADGARDSBODEN_SUBDOMAIN);
  const accountId = existing ?? (await createAccount(db, { name: "Trädgårdsboden", subdomain: TRADGARDSBODEN_SUBDOMAIN, locale: "sv" }));
  const agentId = await ensureUser(TRADGARDSBODEN_AGENT.email, TRADGARDSBODEN_AGENT.name, DEMO_AGENT_PASSWORD);
  return createTenantService(db, accountId).transaction(async (t) => {
    if (!(await t.getMembership(agentId))) await t.addToAccount(agentId, "agent", { availability: "online", maxConcurrent: 5 });
    let team = (await t.listTeams()).find((candidate) => candidate.name === "Kundtjänst");
    if (!team) {
      team = await t.createTeam({ name: "Kundtjänst", description: "Beställningar, leveranser, returer och växtfrågor", categories: ["other", "returns_refunds", "delivery", "order_status", "product_question", "store_info"] });
      await t.addTeamMember(team.id, agentId);
    }
    let inbox = (await t.listInboxes()).find((candidate) => candidate.websiteToken === TRADGARDSBODEN_WEBSITE_TOKEN);
    if (!inbox) {
      inbox = await t.createInbox(
        {
          name: "Trädgårdsboden webb",
          websiteToken: TRADGARDSBODEN_WEBSITE_TOKEN,
          websiteUrl: "https://www.tradgardsboden.example",
          color: "#2f7d32",
          locale: "sv",
          greeting: { sv: "Hej! Fråga oss om växter, leveranser eller returer.", en: "Hi! Ask us about plants, delivery or returns." },
          aiMode: "suggest",
        },
        [team.id],
      );
      for (const article of NEIGHBOUR_ARTICLES) await t.createArticle(article);
    }
    return { accountId, inboxId: inbox.id, agentId, teamId: team.id };
  });
}

export interface DemoSeedResult {
  krauta: SeedResult;
  tradgardsboden: TradgardsbodenSeedResult;
  supportId: number;
  /** Every user created by this call with a generated password (only with `randomPasswords`). */
  credentials: SeedCredential[];
}

/** What a development start seeds: both shops, and the support user who works for both. */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<DemoSeedResult> {
  const krauta = await seedKRauta(db, options);
  const credentials = [...krauta.credentials];
  const tradgardsboden = await seedTradgardsboden(db, options, credentials);
  const supportId = await userMaker(db, options, credentials)(DEMO_SUPPORT.email, DEMO_SUPPORT.name, DEMO_AGENT_PASSWORD);
  // Offline and in no team at K-Rauta, so K-Rauta's routing never hands it a conversation.
  await createTenantService(db, krauta.accountId).transaction(async (t) => {
    if (!(await t.getMembership(supportId))) await t.addToAccount(supportId, "supervisor", { availability: "offline" });
  });
  await createTenantService(db, tradgardsboden.accountId).transaction(async (t) => {
    if (!(await t.getMembership(supportId))) await t.addToAccount(supportId, "administrator", { availability: "online" });
  });
  return { krauta, tradgardsboden, supportId, credentials };
}

/** Production: a database seeded before (by a development start, or an older version) may still
 * hold the published demo passwords. Each demo user that does gets a random one, returned once. */
export async function retireDemoPasswords(db: Database): Promise<SeedCredential[]> {
  // Each demo user with its published password and an account it belongs to.
  const demo: [string, string, string][] = [
    [DEMO_ADMIN.email, DEMO_ADMIN.password, KRAUTA_SUBDOMAIN],
    ...AGENTS.map((a): [string, string, string] => [a.email, DEMO_AGENT_PASSWORD, KRAUTA_SUBDOMAIN]),
    [DEMO_SUPPORT.email, DEMO_AGENT_PASSWORD, KRAUTA_SUBDOMAIN],
    [TRADGARDSBODEN_AGENT.email, DEMO_AGENT_PASSWORD, TRADGARDSBODEN_SUBDOMAIN],
  ];
  const retired: SeedCredential[] = [];
  for (const [email, published, subdomain] of demo) {
    const accountId = await getAccountIdBySubdomain(db, subdomain);
    const login = await findLogin(db, email);
    if (accountId === null || !login || !(await verifyPassword(published, login.passwordHash))) continue;
    const password = randomBytes(18).toString("base64url");
    const passwordHash = await hashPassword(password);
    // Users are updatable inside an account they belong to (RLS).
    await withAccount(db, accountId, (tx) => tx.update(users).set({ passwordHash }).where(eq(users.id, login.userId)));
    retired.push({ email, password });
  }
  return retired;
}
