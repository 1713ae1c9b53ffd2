/** Each account's AI budget: AI jobs a minute (a fixed one-minute window) and model tokens a day
 * (UTC), counted in `ai_usage` under the account's own row-level security. Tokens are estimated
 * from the characters sent to and received from the model (about 4 a token). */
import { sql } from "drizzle-orm";
import { type Database, rowsOf, withAccount } from "../db/client.ts";
import type { AIProvider } from "./provider.ts";

export interface AIBudget {
  /** 0: unlimited. */
  jobsPerMinute: number;
  /** 0: unlimited. */
  tokensPerDay: number;
}

export type BudgetVerdict = "ok" | "jobs_per_minute" | "tokens_per_day";

const CHARS_PER_TOKEN = 4;
/** What a classification adds besides the visitor's text: the instructions and the answer. */
const CLASSIFY_OVERHEAD_CHARS = 1600;

/** Counts one AI job for the account and says whether it may run. */
export async function takeAIBudget(db: Database, accountId: number, budget: AIBudget): Promise<BudgetVerdict> {
  if (budget.jobsPerMinute <= 0 && budget.tokensPerDay <= 0) return "ok";
  const rows = await withAccount(db, accountId, async (tx) =>
    rowsOf<{ minute_jobs: number; tokens: number | string }>(
      await tx.execute(sql`
        insert into ai_usage (account_id, day, jobs, minute_start, minute_jobs)
        values (${accountId}, (now() at time zone 'UTC')::date, 1, date_trunc('minute', now()), 1)
        on conflict (account_id, day) do update set
          jobs = ai_usage.jobs + 1,
          minute_jobs = case when ai_usage.minute_start = date_trunc('minute', now()) then ai_usage.minute_jobs + 1 else 1 end,
          minute_start = date_trunc('minute', now())
        returning minute_jobs, tokens`),
    ),
  );
  const usage = rows[0];
  if (!usage) return "ok";
  if (budget.jobsPerMinute > 0 && usage.minute_jobs > budget.jobsPerMinute) return "jobs_per_minute";
  if (budget.tokensPerDay > 0 && Number(usage.tokens) >= budget.tokensPerDay) return "tokens_per_day";
  return "ok";
}

export async function recordAITokens(db: Database, accountId: number, tokens: number): Promise<void> {
  if (tokens <= 0) return;
  await withAccount(db, accountId, (tx) =>
    tx.execute(sql`
      insert into ai_usage (account_id, day, tokens) values (${accountId}, (now() at time zone 'UTC')::date, ${tokens})
      on conflict (account_id, day) do update set tokens = ai_usage.tokens + excluded.tokens`),
  );
}

/** The same provider, counting the characters of every request and streamed answer. Anything
 * else the provider has is inherited unchanged. */
export function meterProvider(provider: AIProvider): { provider: AIProvider; tokens(): number } {
  let chars = 0;
  const overrides: Partial<AIProvider> = {
    classify(input, signal) {
      chars += input.text.length + (input.history ?? []).reduce((n, h) => n + h.length, 0) + CLASSIFY_OVERHEAD_CHARS;
      return provider.classify(input, signal);
    },
    async draft(input, signal) {
      chars += input.question.length + input.passages.reduce((n, p) => n + p.title.length + p.body.length, 0) + input.history.reduce((n, h) => n + h.content.length, 0);
      const result = await provider.draft(input, signal);
      async function* counted() {
        for await (const piece of result.stream) {
          chars += piece.length;
          yield piece;
        }
      }
      return { ...result, stream: counted() };
    },
  };
  if (provider.embed) {
    const embed = provider.embed.bind(provider);
    overrides.embed = (texts, signal) => {
      chars += texts.reduce((n, text) => n + text.length, 0);
      return embed(texts, signal);
    };
  }
  return { provider: Object.assign(Object.create(provider) as AIProvider, overrides), tokens: () => Math.ceil(chars / CHARS_PER_TOKEN) };
}
