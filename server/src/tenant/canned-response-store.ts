/** Canned responses of one account (RLS-bound executor): saved replies agents insert with `/code`. */
import type { CannedResponse } from "@hummdesk/shared";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { cannedResponses } from "../db/schema.ts";
import { iso } from "./mappers.ts";

const toCanned = (r: typeof cannedResponses.$inferSelect): CannedResponse => ({
  id: r.id,
  accountId: r.accountId,
  shortCode: r.shortCode,
  content: r.content,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export function cannedResponseStore(tx: Executor, accountId: number) {
  const own = (id: number) => and(eq(cannedResponses.accountId, accountId), eq(cannedResponses.id, id));
  return {
    async listCannedResponses(): Promise<CannedResponse[]> {
      const rows = await tx.select().from(cannedResponses).where(eq(cannedResponses.accountId, accountId)).orderBy(asc(cannedResponses.shortCode));
      return rows.map(toCanned);
    },
    async getCannedResponse(id: number): Promise<CannedResponse | null> {
      const [row] = await tx.select().from(cannedResponses).where(own(id));
      return row ? toCanned(row) : null;
    },
    async createCannedResponse(input: { shortCode: string; content: string }): Promise<CannedResponse> {
      const [row] = await tx.insert(cannedResponses).values({ accountId, ...input }).returning();
      return toCanned(row!);
    },
    async updateCannedResponse(id: number, patch: { shortCode?: string | undefined; content?: string | undefined }): Promise<CannedResponse | null> {
      const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const [row] =
        Object.keys(set).length === 0
          ? await tx.select().from(cannedResponses).where(own(id))
          : await tx.update(cannedResponses).set(set).where(own(id)).returning();
      return row ? toCanned(row) : null;
    },
    async deleteCannedResponse(id: number): Promise<boolean> {
      const rows = await tx.delete(cannedResponses).where(own(id)).returning({ id: cannedResponses.id });
      return rows.length > 0;
    },
  };
}
