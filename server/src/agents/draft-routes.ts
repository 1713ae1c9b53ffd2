/** AI drafts as agents use them: list a conversation's drafts, accept one (sent as the agent's
 * reply), edit and send it, or reject it. A draft is decided once; a second decision is a 409. */
import {
  type AIDraft,
  ConversationParams,
  DraftRequestedResponse,
  DraftResponse,
  DraftSendRequest,
  DraftSentResponse,
  DraftsResponse,
  EntityParams,
} from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { randomUUID } from "node:crypto";
import { enqueueJob, MESSAGE_JOB } from "../ai/jobs.ts";
import { conflict, notFound } from "../http/http-error.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { publishAfterCommit } from "../realtime/publish.ts";
import type { TenantStores } from "../tenant/tenant-service.ts";
import type { AgentContext } from "./agent-auth.ts";
import { sendReply } from "./conversation-actions.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

const PREFIX = "/api/v1/accounts/:accountId";
const tags = ["drafts"];

/** Locks the draft and its conversation (the conversation first, like every agent action). */
async function lockUndecidedDraft(t: TenantStores, draftId: number): Promise<AIDraft> {
  const seen = await t.getDraft(draftId);
  if (!seen || !(await t.lockConversation(seen.conversationId))) throw notFound(`draft ${draftId} not found`);
  const draft = (await t.lockDraft(draftId))!;
  if (draft.status === "accepted" || draft.status === "edited" || draft.status === "rejected") {
    throw conflict(`draft ${draftId} was already ${draft.status}; reload the conversation`);
  }
  if (draft.status === "streaming") throw conflict(`draft ${draftId} is still being written: wait for ai.answer.completed`);
  return draft;
}

/** A draft to send must not have reached the visitor already (auto-reply inboxes send it themselves). */
async function lockSendableDraft(t: TenantStores, draftId: number): Promise<AIDraft> {
  const draft = await lockUndecidedDraft(t, draftId);
  if (draft.sentMessageId !== null) throw conflict(`draft ${draftId} was already sent to the visitor by the AI (message ${draft.sentMessageId})`);
  return draft;
}

export async function draftRoutes(app: FastifyInstance, options: { access: MemberAccess; hub: RealtimeHub }) {
  const { access, hub } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Sends the draft (as written, or the agent's edit) as the agent's reply, in one unit of work. */
  async function sendDraft(agent: AgentContext, draftId: number, edit: string | undefined) {
    const result = await agent.tenant.transaction(async (t) => {
      const draft = await lockSendableDraft(t, draftId);
      if (edit === undefined && draft.status === "failed") {
        throw conflict(`draft ${draftId} failed: write the reply yourself with POST .../drafts/${draftId}/send {content}`);
      }
      const content = edit ?? draft.content;
      if (!content.trim()) throw conflict(`draft ${draftId} is empty: write the reply yourself with POST .../drafts/${draftId}/send {content}`);
      const status = content === draft.content ? "accepted" : "edited";
      const reply = await sendReply(t, agent.userId, draft.conversationId, { content, private: false, citations: draft.citations });
      const decided = (await t.updateDraft(draftId, { status, sentMessageId: reply.message.id }))!;
      await t.appendAudit({
        actorId: agent.userId,
        action: status === "accepted" ? "draft.accept" : "draft.edit_and_send",
        entityType: "draft",
        entityId: draftId,
        before: { status: draft.status },
        after: { status, sentMessageId: reply.message.id },
      });
      return { draft: decided, message: reply.message, events: reply.events };
    });
    publishAfterCommit(hub, result.events);
    return { draft: result.draft, message: result.message };
  }

  // After a hand-off the AI drafts nothing on its own: an agent asks for a draft here. It is for
  // the agent only (never auto-sent) and streams like any draft.
  r.post(
    `${PREFIX}/conversations/:conversationId/drafts`,
    { schema: { tags, params: ConversationParams, response: { 202: DraftRequestedResponse, ...errors } }, onRequest: access() },
    async (request, reply) => {
      const agent = agentOf(request);
      const id = request.params.conversationId;
      const messageId = await agent.tenant.transaction(async (t) => {
        if (!(await t.lockConversation(id))) throw notFound(`conversation ${id} not found`);
        const latest = (await t.getRecentMessages(id, { limit: 40 })).filter((m) => m.senderType === "contact").at(-1);
        if (!latest) throw conflict(`conversation ${id} has no visitor message to draft an answer to`);
        const drafts = await t.listDrafts(id);
        const existing = drafts.find((d) => d.messageId === latest.id);
        if (existing && (existing.status === "streaming" || existing.sentMessageId !== null || ["accepted", "edited", "rejected"].includes(existing.status))) {
          throw conflict(`the latest visitor message already has a ${existing.status} draft (${existing.id})`);
        }
        await enqueueJob(t.executor, {
          accountId: agent.accountId,
          kind: MESSAGE_JOB,
          uniqueKey: `agent-draft:${latest.id}:${randomUUID()}`,
          payload: { messageId: latest.id, requestedBy: agent.userId },
        });
        return latest.id;
      });
      reply.code(202);
      return { queued: true as const, messageId };
    },
  );

  r.get(
    `${PREFIX}/conversations/:conversationId/drafts`,
    { schema: { tags, params: ConversationParams, response: { 200: DraftsResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const id = request.params.conversationId;
      return agentOf(request).tenant.transaction(async (t) => {
        if (!(await t.getConversation(id))) throw notFound(`conversation ${id} not found`);
        return { drafts: await t.listDrafts(id) };
      });
    },
  );

  r.post(
    `${PREFIX}/drafts/:id/accept`,
    { schema: { tags, params: EntityParams, response: { 200: DraftSentResponse, ...errors } }, onRequest: access() },
    async (request) => sendDraft(agentOf(request), request.params.id, undefined),
  );

  r.post(
    `${PREFIX}/drafts/:id/send`,
    {
      schema: { tags, params: EntityParams, body: DraftSendRequest, response: { 200: DraftSentResponse, ...errors } },
      onRequest: access(),
      bodyLimit: 32 * 1024,
    },
    async (request) => sendDraft(agentOf(request), request.params.id, request.body.content),
  );

  r.post(
    `${PREFIX}/drafts/:id/reject`,
    { schema: { tags, params: EntityParams, response: { 200: DraftResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const agent = agentOf(request);
      const draft = await agent.tenant.transaction(async (t) => {
        const undecided = await lockUndecidedDraft(t, request.params.id);
        const rejected = (await t.updateDraft(undecided.id, { status: "rejected" }))!;
        await t.appendAudit({
          actorId: agent.userId,
          action: "draft.reject",
          entityType: "draft",
          entityId: undecided.id,
          before: { status: undecided.status },
          after: { status: "rejected" },
        });
        return rejected;
      });
      return { draft };
    },
  );
}
