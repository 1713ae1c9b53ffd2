/** Runs labelled visitor messages through what visitors really get: each one is sent as a new
 * visitor's message by the visitor service (which writes the AI job), the job runs through the
 * pipeline (classify, route, retrieve, draft, gate, auto-reply), and the outcome is read back
 * from the database and the realtime hub. */
import { randomBytes } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { createTokenService, newVisitorId } from "../../auth/tokens.ts";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import { KRAUTA_ARTICLES } from "../../db/seed-data/knowledge-base.ts";
import { createVisitorService } from "../../inbox/visitor-service.ts";
import { createInboxCache } from "../../cache/inbox-cache.ts";
import { createInProcessHub } from "../../realtime/hub.ts";
import { createTenantService } from "../../tenant/tenant-service.ts";
import { createAIPipeline } from "../ai-pipeline.ts";
import { claimJobs, completeJob, MESSAGE_JOB } from "../jobs.ts";
import { failVisibly, processMessageJob } from "../pipeline.ts";
import type { AIProvider } from "../provider.ts";
import type { MessageOutcome } from "./eval-metrics.ts";
import { claimsHandoff } from "./handoff-claim.ts";
import type { LabelledVisitorMessage } from "./labelled-set.ts";

export interface EvalTarget {
  db: Database;
  accountId: number;
  /** The K-Rauta storefront inbox (auto_reply). */
  inboxId: number;
}

const noop = () => {};
const silentLog = { level: "silent", info: noop, warn: noop, error: noop, debug: noop, trace: noop, fatal: noop, silent: noop, child: () => silentLog } as unknown as FastifyBaseLogger;

/** Seed slug of each of the account's articles (seed articles are unique by language and title). */
async function articleSlugs(target: EvalTarget): Promise<Map<number, string>> {
  const slugByTitle = new Map(KRAUTA_ARTICLES.map((a) => [`${a.language}\u0000${a.title}`, a.slug]));
  const articles = await createTenantService(target.db, target.accountId).listArticles();
  return new Map(articles.map((a) => [a.id, slugByTitle.get(`${a.language}\u0000${a.title}`) ?? `article:${a.id}`]));
}

export async function evaluatePipeline(target: EvalTarget, provider: AIProvider, messages: readonly LabelledVisitorMessage[]): Promise<MessageOutcome[]> {
  const { db, accountId, inboxId } = target;
  const hub = createInProcessHub();
  const config = loadConfig({ NODE_ENV: "test", HUMMDESK_SECRET: randomBytes(32).toString("hex"), HUMMDESK_WORKERS: "0", HUMMDESK_AI_STREAM_DELAY_MS: "0" });
  const pipeline = createAIPipeline({ db, hub, log: silentLog, config, provider, workers: 0 });
  const visitors = createVisitorService({ db, hub, tokens: createTokenService(config.secret), inboxes: createInboxCache(db), ...pipeline.visitorHooks });
  const tenant = createTenantService(db, accountId);
  const slugs = await articleSlugs(target);
  const slug = (articleId: number) => slugs.get(articleId) ?? `article:${articleId}`;

  const firstVisitorText = new Map<number, number>();
  const unsubscribe = hub.subscribe((event) => {
    if (event.kind === "ai.answer.delta" && event.visitor && event.text && !firstVisitorText.has(event.conversationId)) {
      firstVisitorText.set(event.conversationId, performance.now());
    }
  });
  const outcomes: MessageOutcome[] = [];
  try {
    for (const [index, item] of messages.entries()) {
      const claims = { accountId, inboxId, visitorId: newVisitorId() };
      const postedAt = performance.now();
      const sent = await visitors.sendMessage(claims, { clientMessageId: `eval-${index}-${randomBytes(4).toString("hex")}`, content: item.text });
      const conversationId = sent.conversation.id;
      // Run every job the message produced, as a worker would, right away; a job that throws
      // fails visibly, as a worker's last attempt does, and is counted.
      let failed = false;
      for (let jobs = await claimJobs(db, "eval", 60, 10); jobs.length > 0; jobs = await claimJobs(db, "eval", 60, 10)) {
        for (const job of jobs) {
          try {
            if (job.kind === MESSAGE_JOB) await processMessageJob({ db, hub, log: silentLog }, job, provider);
          } catch {
            failed = true;
            await failVisibly({ db, hub, log: silentLog }, job);
          }
          await completeJob(db, job);
        }
      }
      const [classification, draft, conversation, visible] = await Promise.all([
        tenant.getLatestClassification(conversationId),
        tenant.getLatestDraft(conversationId),
        tenant.getConversation(conversationId),
        tenant.getConversationMessages(conversationId),
      ]);
      const toVisitor = visible.filter((m) => !m.private && (m.senderType === "ai" || m.senderType === "system") && m.messageType !== "note");
      const replies = toVisitor.filter((m) => m.senderType === "ai");
      const firstText = firstVisitorText.get(conversationId);
      outcomes.push({
        language: classification?.language ?? null,
        category: classification?.category ?? null,
        draftCitations: (draft?.citations ?? []).map((c) => slug(c.articleId)),
        reply:
          replies.length === 0
            ? null
            : { text: replies.map((m) => m.content).join("\n\n"), citations: replies.flatMap((m) => m.citations.map((c) => slug(c.articleId))) },
        handedOff: conversation?.handoffRequested ?? false,
        handoffClaims: toVisitor.filter((m) => claimsHandoff(m.content)).length,
        firstTextMs: firstText === undefined ? null : firstText - postedAt,
        failed,
      });
    }
  } finally {
    unsubscribe();
    await hub.close();
  }
  return outcomes;
}
