/** The few cross-tenant operations, each through a SECURITY DEFINER function of the migrations:
 * creating accounts and users, logging in, resolving a public website token. */
import type { Role, WidgetLocale } from "@hummdesk/shared";
import { sql } from "drizzle-orm";
import { hashPassword } from "../auth/password.ts";
import { type Database, rowsOf } from "../db/client.ts";

export async function createAccount(db: Database, input: { name: string; subdomain: string; locale?: WidgetLocale }): Promise<number> {
  const rows = await db.execute(
    sql`select hummdesk_create_account(${input.name}, ${input.subdomain}, ${input.locale ?? "en"}::widget_locale) as id`,
  );
  return Number(rowsOf<{ id: number | string }>(rows)[0]?.id);
}

export async function getAccountIdBySubdomain(db: Database, subdomain: string): Promise<number | null> {
  const rows = rowsOf<{ id: number | string | null }>(await db.execute(sql`select hummdesk_account_by_subdomain(${subdomain}) as id`));
  const id = rows[0]?.id;
  return id === null || id === undefined ? null : Number(id);
}

export async function createUser(db: Database, input: { email: string; name: string; password: string }): Promise<number> {
  const hash = await hashPassword(input.password);
  const rows = await db.execute(sql`select hummdesk_create_user(${input.email}, ${input.name}, ${hash}) as id`);
  return Number(rowsOf<{ id: number | string }>(rows)[0]?.id);
}

export interface LoginRecord {
  userId: number;
  name: string;
  email: string;
  passwordHash: string;
}

export async function findLogin(db: Database, email: string): Promise<LoginRecord | null> {
  const rows = rowsOf<{ user_id: number | string; name: string; email: string; password_hash: string }>(
    await db.execute(sql`select * from hummdesk_find_login(${email})`),
  );
  const row = rows[0];
  return row ? { userId: Number(row.user_id), name: row.name, email: row.email, passwordHash: row.password_hash } : null;
}

export interface Membership {
  accountId: number;
  name: string;
  subdomain: string;
  role: Role;
}

export async function userAccounts(db: Database, userId: number): Promise<Membership[]> {
  const rows = rowsOf<{ account_id: number | string; name: string; subdomain: string; role: Role }>(
    await db.execute(sql`select * from hummdesk_user_accounts(${userId})`),
  );
  return rows.map((r) => ({ accountId: Number(r.account_id), name: r.name, subdomain: r.subdomain, role: r.role }));
}

export async function resolveInbox(db: Database, websiteToken: string): Promise<{ accountId: number; inboxId: number } | null> {
  const rows = rowsOf<{ account_id: number | string; inbox_id: number | string }>(
    await db.execute(sql`select * from hummdesk_resolve_inbox(${websiteToken})`),
  );
  const row = rows[0];
  return row ? { accountId: Number(row.account_id), inboxId: Number(row.inbox_id) } : null;
}
