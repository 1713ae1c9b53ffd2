/** Conversations of an account as agents work them: list, read, reply or note, assign, status,
 * priority, mark read. Changes are published to both sockets after their transaction commits. */
import {
  AccountParams,
  AssignRequest,
  ConversationDetail,
  ConversationListQuery,
  ConversationListResponse,
  ConversationParams,
  ConversationResponse,
  MessageResponse,
  PriorityRequest,
  ReplyRequest,
  StatusRequest,
} from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../http/http-error.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { publishAfterCommit } from "../realtime/publish.ts";
import {
  assignConversation,
  type ConversationChange,
  markConversationRead,
  sendReply,
  setConversationPriority,
  setConversationStatus,
} from "./conversation-actions.ts";
import { agentErrors as errors, agentOf, type MemberAccess } from "./member-access.ts";

const PREFIX = "/api/v1/accounts/:accountId/conversations";
const tags = ["conversations"];
const DETAIL_MESSAGES = 500;

export async function conversationRoutes(app: FastifyInstance, options: { access: MemberAccess; hub: RealtimeHub }) {
  const { access, hub } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function publish<T extends { events: ConversationChange["events"] }>(change: T): Promise<T> {
    publishAfterCommit(hub, change.events);
    return change;
  }

  r.get(
    PREFIX,
    { schema: { tags, params: AccountParams, querystring: ConversationListQuery, response: { 200: ConversationListResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const agent = agentOf(request);
      const { assigneeId, ...filters } = request.query;
      return agent.tenant.listConversations({ ...filters, assigneeId: assigneeId === "me" ? agent.userId : assigneeId });
    },
  );

  r.get(
    `${PREFIX}/:conversationId`,
    { schema: { tags, params: ConversationParams, response: { 200: ConversationDetail, ...errors } }, onRequest: access() },
    async (request) => {
      const id = request.params.conversationId;
      return agentOf(request).tenant.transaction(async (t) => {
        const conversation = await t.getConversation(id);
        if (!conversation) throw notFound(`conversation ${id} not found`);
        const contact = await t.getContact(conversation.contactId);
        if (!contact) throw notFound(`the contact of conversation ${id} no longer exists`);
        return {
          conversation,
          contact,
          // A very long conversation shows its latest messages; older ones stay in the database.
          messages: await t.getRecentMessages(id, { includePrivate: true, limit: DETAIL_MESSAGES }),
          latestDraft: await t.getLatestDraft(id),
        };
      });
    },
  );

  r.post(
    `${PREFIX}/:conversationId/messages`,
    {
      schema: { tags, params: ConversationParams, body: ReplyRequest, response: { 200: MessageResponse, 201: MessageResponse, ...errors } },
      onRequest: access(),
      bodyLimit: 32 * 1024,
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const result = await publish(await agent.tenant.transaction((t) => sendReply(t, agent.userId, request.params.conversationId, request.body)));
      return reply.code(result.created ? 201 : 200).send({ message: result.message });
    },
  );

  r.post(
    `${PREFIX}/:conversationId/assign`,
    { schema: { tags, params: ConversationParams, body: AssignRequest, response: { 200: ConversationResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const agent = agentOf(request);
      const change = await agent.tenant.transaction((t) => assignConversation(t, agent.userId, request.params.conversationId, request.body));
      return { conversation: (await publish(change)).conversation };
    },
  );

  r.post(
    `${PREFIX}/:conversationId/status`,
    { schema: { tags, params: ConversationParams, body: StatusRequest, response: { 200: ConversationResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const agent = agentOf(request);
      const change = await agent.tenant.transaction((t) => setConversationStatus(t, agent.userId, request.params.conversationId, request.body.status, request.body.snoozedUntil));
      return { conversation: (await publish(change)).conversation };
    },
  );

  r.post(
    `${PREFIX}/:conversationId/priority`,
    { schema: { tags, params: ConversationParams, body: PriorityRequest, response: { 200: ConversationResponse, ...errors } }, onRequest: access() },
    async (request) => {
      const agent = agentOf(request);
      const change = await agent.tenant.transaction((t) => setConversationPriority(t, agent.userId, request.params.conversationId, request.body.priority));
      return { conversation: (await publish(change)).conversation };
    },
  );

  r.post(
    `${PREFIX}/:conversationId/read`,
    { schema: { tags, params: ConversationParams, response: { 204: z.null(), ...errors } }, onRequest: access() },
    async (request, reply) => {
      const agent = agentOf(request);
      await publish(await agent.tenant.transaction((t) => markConversationRead(t, agent.userId, request.params.conversationId)));
      return reply.code(204).send(null);
    },
  );
}
