/** The tenant service: every method bound to one account and run inside `withAccount`, so the
 * application filters by account and row-level security enforces it again underneath. */
import { attachmentRowStore } from "./attachment-row-store.ts";
import { type Database, type Executor, withAccount } from "../db/client.ts";
import { cannedResponseStore } from "./canned-response-store.ts";
import { conversationStore } from "./conversation-store.ts";
import { directoryStore } from "./directory-store.ts";

function stores(tx: Executor, accountId: number) {
  return {
    ...directoryStore(tx, accountId),
    ...conversationStore(tx, accountId),
    ...cannedResponseStore(tx, accountId),
    ...attachmentRowStore(tx, accountId),
    executor: tx,
  };
}

export type TenantStores = ReturnType<typeof stores>;

type Bound<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

export type TenantService = Bound<Omit<TenantStores, "executor">> & {
  readonly accountId: number;
  /** Several operations in one transaction (one unit of work). */
  transaction<T>(fn: (stores: TenantStores) => Promise<T>): Promise<T>;
};

export function createTenantService(db: Database, accountId: number): TenantService {
  const template = stores(db, accountId);
  const service = { accountId } as TenantService;
  for (const name of Object.keys(template) as (keyof TenantStores)[]) {
    if (name === "executor") continue;
    // Each call is its own transaction with app.account_id set.
    (service as Record<string, unknown>)[name] = (...args: unknown[]) =>
      withAccount(db, accountId, (tx) => (stores(tx, accountId)[name] as (...a: unknown[]) => Promise<unknown>)(...args));
  }
  service.transaction = (fn) => withAccount(db, accountId, (tx) => fn(stores(tx, accountId)));
  return service;
}
