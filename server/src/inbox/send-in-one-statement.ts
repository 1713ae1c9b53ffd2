/** The steady-state visitor send (an existing contact writing into its open conversation) as one
 * prepared statement: `hummdesk_visitor_send` (migration 0008) takes the visitor lock, checks the
 * clientMessageId, stores the message, bumps unread and last activity and writes the AI job. */
import type { Conversation, Message } from "@hummdesk/shared";
import type { Database } from "../db/client.ts";
import { queryPrepared } from "../db/prepared-query.ts";
import type * as schema from "../db/schema.ts";
import { toConversation, toMessage } from "../tenant/mappers.ts";

export interface OneStatementSendInput {
  accountId: number;
  inboxId: number;
  visitorId: string;
  clientMessageId: string;
  content: string;
  /** An email sent with the message (the function leaves storing it to the longer path). */
  email: string | null;
  /** Whether the visitor token carries a verified identifier. */
  identified: boolean;
  /** The durable job written with a new message (null: none): its kind, extra payload and delay. */
  job: { kind: string; payload: Record<string, unknown>; delayMs: number } | null;
}

export type OneStatementSend =
  | { outcome: "slow" }
  | { outcome: "created" | "duplicate"; message: Message; conversation: Conversation };

// The job goes as text, cast in SQL, so both drivers pass it the same way.
const SEND = "select hummdesk_visitor_send($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb) as result";

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
function camelRow<T>(json: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [camel(k), v])) as T;
}

interface SendResult {
  outcome: "slow" | "created" | "duplicate";
  message?: Record<string, unknown>;
  conversation?: Record<string, unknown>;
}

export async function sendInOneStatement(db: Database, input: OneStatementSendInput): Promise<OneStatementSend> {
  const params = [input.accountId, input.inboxId, input.visitorId, input.clientMessageId, input.content, input.email, input.identified, input.job ? JSON.stringify(input.job) : null];
  const [row] = await queryPrepared<{ result: SendResult | string }>(db, SEND, params);
  const result: SendResult = typeof row?.result === "string" ? JSON.parse(row.result) : (row?.result ?? { outcome: "slow" });
  if (result.outcome === "slow" || !result.message || !result.conversation) return { outcome: "slow" };
  return {
    outcome: result.outcome,
    message: toMessage(camelRow<typeof schema.messages.$inferSelect>(result.message)),
    conversation: toConversation(camelRow<typeof schema.conversations.$inferSelect>(result.conversation)),
  };
}
