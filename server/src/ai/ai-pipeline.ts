/** Wires the AI layer into the app: the provider from config, the job written with each visitor
 * message, routing on hand-off and when agents come online, and the workers' lifecycle. */
import type { Availability } from "@hummdesk/shared";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { VisitorServiceOptions } from "../inbox/visitor-service.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { conversationUpdated } from "../realtime/publish.ts";
import { createTenantService } from "../tenant/tenant-service.ts";
import { createProvider } from "./create-provider.ts";
import { MESSAGE_JOB } from "./jobs.ts";
import type { AIProvider } from "./provider.ts";
import { routeConversation, routeWaiting } from "./route-conversation.ts";
import { createWorker, type WorkerOptions } from "./worker.ts";

export interface AIPipelineOptions {
  db: Database;
  hub: RealtimeHub;
  log: FastifyBaseLogger;
  config: Config;
  provider?: AIProvider;
  workers?: number;
  worker?: Partial<Omit<WorkerOptions, "db" | "hub" | "log" | "provider">>;
}

export function providerFromConfig(config: Config): AIProvider {
  return createProvider({
    ...(config.ai.apiKey ? { apiKey: config.ai.apiKey } : {}),
    ...(config.ai.baseUrl ? { baseUrl: config.ai.baseUrl } : {}),
    model: config.ai.model,
    ...(config.ai.embeddingModel ? { embeddingModel: config.ai.embeddingModel } : {}),
    timeoutMs: config.ai.timeoutMs,
    secrets: [config.secret],
    builtinDelayMs: config.ai.streamDelayMs,
  });
}

export function createAIPipeline(options: AIPipelineOptions) {
  const { db, hub, log } = options;
  const provider = options.provider ?? providerFromConfig(options.config);
  const workers = Array.from({ length: options.workers ?? options.config.workers }, () =>
    createWorker({
      db,
      hub,
      log,
      provider,
      leaseSeconds: options.config.workerLeaseSeconds,
      maxTokens: options.config.ai.maxTokens,
      perAccount: options.config.aiBudget.concurrency,
      budget: options.config.aiBudget,
      ...options.worker,
    }),
  );

  const visitorHooks: Pick<VisitorServiceOptions, "messageJob" | "afterHandoff"> = {
    // The job is committed with the message, or not at all (key `message:<id>`, payload {messageId, locale?}).
    // A short delay lets a burst of messages (typed in a row) be answered once, together.
    messageJob: { kind: MESSAGE_JOB, ...(options.config.ai.burstMs ? { delayMs: options.config.ai.burstMs } : {}) },
    async afterHandoff(accountId, conversationId) {
      const conversation = await createTenantService(db, accountId).getConversation(conversationId);
      const routed = await routeConversation(db, accountId, conversationId, conversation?.category ?? null);
      if (routed) await hub.publish(conversationUpdated(routed, await createTenantService(db, accountId).getContactVisitor(routed.contactId)));
    },
  };

  return {
    provider,
    visitorHooks,
    async onAvailabilityChanged(accountId: number, _userId: number, availability: Availability) {
      if (availability === "online") await routeWaiting(db, hub, accountId);
    },
    start() {
      for (const worker of workers) worker.start();
    },
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}

export type AIPipeline = ReturnType<typeof createAIPipeline>;
