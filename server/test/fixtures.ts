/** Test fixtures: the K-Rauta seed and a small neighbouring tenant, so isolation is always tested
 * against real rows of another account. */
import { sql } from "drizzle-orm";
import { withAccount } from "../src/db/client.ts";
import { NEIGHBOUR_ARTICLES } from "../src/db/seed-data/knowledge-base.ts";
import { seedKRauta } from "../src/db/seed.ts";
import type { Database } from "../src/db/client.ts";
import { createTenantService } from "../src/tenant/tenant-service.ts";
import { createAccount, createUser } from "../src/tenant/system.ts";

export const NEIGHBOUR_WEBSITE_TOKEN = "tradgardsboden-web";
export const NEIGHBOUR_AGENT = { email: "elsa@tradgardsboden.example", password: "neighbour-agent-pw", name: "Elsa Lind" } as const;

export async function seedNeighbour(db: Database) {
  const accountId = await createAccount(db, { name: "Trädgårdsboden", subdomain: "tradgardsboden", locale: "sv" });
  const agentId = await createUser(db, NEIGHBOUR_AGENT);
  const tenant = createTenantService(db, accountId);
  return tenant.transaction(async (t) => {
    await t.addToAccount(agentId, "administrator", { availability: "online" });
    const team = await t.createTeam({ name: "Kundtjänst", categories: ["other", "returns_refunds", "delivery"] });
    await t.addTeamMember(team.id, agentId);
    const inbox = await t.createInbox({ name: "Trädgårdsboden webb", websiteToken: NEIGHBOUR_WEBSITE_TOKEN, locale: "sv", aiMode: "suggest" }, [team.id]);
    const contact = await t.createContact({ name: "Lars", email: "lars@example.se", visitorId: "neighbour-visitor" });
    const conversation = await t.createConversation({ inboxId: inbox.id, contactId: contact.id });
    const { message } = await t.createMessage({
      conversationId: conversation.id,
      senderType: "contact",
      senderId: contact.id,
      messageType: "incoming",
      content: "Hej, när öppnar ni?",
      clientMessageId: "neighbour-0001",
    });
    for (const article of NEIGHBOUR_ARTICLES) await t.createArticle(article);
    return { accountId, agentId, teamId: team.id, inboxId: inbox.id, contactId: contact.id, conversationId: conversation.id, messageId: message.id };
  });
}

/** Marks every member of the account present, as if each had a desk open (presence tests clear it). */
export async function markEveryonePresent(db: Database, accountId: number) {
  await withAccount(db, accountId, (tx) => tx.execute(sql`update account_users set present_until = 'infinity' where account_id = ${accountId}`));
}

/** Both tenants, with every member present so routing tests need no open desks. */
export async function seedBoth(db: Database) {
  const krauta = await seedKRauta(db);
  const neighbour = await seedNeighbour(db);
  await markEveryonePresent(db, krauta.accountId);
  await markEveryonePresent(db, neighbour.accountId);
  return { krauta, neighbour };
}
