/** The visitor side of the web channel: config, tokens, identity, history, idempotent sends,
 * hand-off. Contacts and conversations are created by the first message, never by a page view. */
import type {
  Contact,
  Conversation,
  IdentifyRequest,
  Inbox,
  Message,
  SendMessageRequest,
  SetAttributesRequest,
  VisitorConversation,
  VisitorHistoryResponse,
  VisitorMessage,
  WidgetConfig,
} from "@hummdesk/shared";
import type { TokenService, VisitorClaims, VisitorProfile } from "../auth/tokens.ts";
import { newVisitorId, TokenError } from "../auth/tokens.ts";
import type { Database } from "../db/client.ts";
import { forbidden, HttpError, notFound } from "../http/http-error.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { conversationUpdated, messageCreated } from "../realtime/publish.ts";
import { resolveInbox } from "../tenant/system.ts";
import { createTenantService, type TenantStores } from "../tenant/tenant-service.ts";
import { isWithinBusinessHours } from "./business-hours.ts";
import { isValidIdentifierHash } from "./identity.ts";

export interface VisitorMessageContext {
  inbox: Inbox;
  conversation: Conversation;
  message: Message;
  contact: Contact;
}

export interface VisitorServiceOptions {
  db: Database;
  tokens: TokenService;
  hub: RealtimeHub;
  /** Runs inside the transaction that stored a new visitor message (the AI job is written here). */
  afterVisitorMessage?: (stores: TenantStores, context: VisitorMessageContext) => Promise<void>;
  /** Runs after a hand-off request was committed (routing, team notification). */
  afterHandoff?: (accountId: number, conversationId: number) => Promise<void>;
}

export const toVisitorMessage = (m: Message): VisitorMessage => ({
  id: m.id,
  conversationId: m.conversationId,
  senderType: m.senderType,
  senderName: m.senderName,
  messageType: m.messageType,
  contentType: m.contentType,
  content: m.content,
  clientMessageId: m.clientMessageId,
  citations: m.citations,
  createdAt: m.createdAt,
});

export const toVisitorConversation = (c: Conversation): VisitorConversation => ({
  id: c.id,
  status: c.status,
  createdAt: c.createdAt,
  lastActivityAt: c.lastActivityAt,
});

const invalidToken = (websiteToken: string) => notFound(`websiteToken '${websiteToken.slice(0, 64)}' matches no inbox`);

export function createVisitorService(options: VisitorServiceOptions) {
  const { db, tokens, hub } = options;

  async function inboxByToken(websiteToken: string) {
    const resolved = await resolveInbox(db, websiteToken);
    if (!resolved) throw invalidToken(websiteToken);
    const tenant = createTenantService(db, resolved.accountId);
    const inbox = await tenant.getInbox(resolved.inboxId);
    if (!inbox) throw invalidToken(websiteToken);
    return { tenant, inbox };
  }

  async function authenticate(token: string | undefined): Promise<VisitorClaims> {
    if (!token) throw new HttpError(401, "unauthorized", "a visitor token is required: send `Authorization: Bearer <visitor token>`");
    try {
      return await tokens.verifyVisitor(token);
    } catch (error) {
      const expired = error instanceof TokenError && error.expired;
      throw new HttpError(401, expired ? "token_expired" : "unauthorized", expired ? "the visitor token has expired; request a new one" : "the visitor token is not valid");
    }
  }

  /** The visitor's conversation that is still going (not resolved). */
  const currentConversation = (t: TenantStores, contactId: number, inboxId: number) => t.findOpenConversation(contactId, inboxId);

  async function withVisitor<T>(claims: VisitorClaims, fn: (t: TenantStores, inbox: Inbox) => Promise<T>): Promise<T> {
    const tenant = createTenantService(db, claims.accountId);
    return tenant.transaction(async (t) => {
      const inbox = await t.getInbox(claims.inboxId);
      if (!inbox) throw new HttpError(401, "unauthorized", "the visitor token's inbox no longer exists; request a new token");
      return fn(t, inbox);
    });
  }

  async function verifyIdentity(inboxId: number, accountId: number, identifier: string | undefined, hash: string | undefined, enforce: boolean) {
    if (!identifier) return;
    if (!enforce && hash === undefined) return;
    const secret = await createTenantService(db, accountId).getInboxSecret(inboxId);
    if (!secret || !isValidIdentifierHash(identifier, hash, secret)) {
      throw new HttpError(401, "identity_not_verified", "identifierHash does not match: compute HMAC-SHA256 of the identifier with the inbox secret on your server");
    }
  }

  return {
    authenticate,

    async config(websiteToken: string): Promise<WidgetConfig> {
      const { tenant, inbox } = await inboxByToken(websiteToken);
      const agents = await tenant.listAgents();
      const online = isWithinBusinessHours(inbox.businessHours) && agents.some((a) => a.availability === "online");
      return {
        inboxName: inbox.name,
        websiteToken: inbox.websiteToken,
        color: inbox.color,
        position: inbox.position,
        locale: inbox.locale,
        greeting: inbox.greeting,
        aiMode: inbox.aiMode,
        requireEmail: inbox.requireEmail,
        enforceIdentity: inbox.enforceIdentity,
        businessHours: inbox.businessHours,
        replyTimeMinutes: inbox.replyTimeMinutes,
        online,
      };
    },

    /** Issues a visitor token, keeping the visitor id (and profile) of a still-valid earlier one. */
    async issueToken(websiteToken: string, previous: string | undefined) {
      const resolved = await resolveInbox(db, websiteToken);
      if (!resolved) throw invalidToken(websiteToken);
      let visitorId = newVisitorId();
      let profile: VisitorProfile | undefined;
      if (previous) {
        const claims = await tokens.verifyVisitor(previous).catch(() => null);
        if (claims && claims.accountId === resolved.accountId && claims.inboxId === resolved.inboxId) {
          visitorId = claims.visitorId;
          profile = claims.profile;
        }
      }
      const signed = await tokens.signVisitor({ ...resolved, visitorId, ...(profile ? { profile } : {}) });
      return { ...signed, visitorId };
    },

    /** Links the visitor to a merchant user. Before the first message nothing is written: the
     * verified profile travels in a fresh visitor token. */
    async identify(claims: VisitorClaims, body: IdentifyRequest) {
      const enforce = await withVisitor(claims, async (_t, inbox) => inbox.enforceIdentity);
      await verifyIdentity(claims.inboxId, claims.accountId, body.identifier, body.identifierHash, enforce);
      const profile: VisitorProfile = {
        ...claims.profile,
        identifier: body.identifier,
        ...(body.name ? { name: body.name } : {}),
        ...(body.email ? { email: body.email } : {}),
        ...(body.customAttributes ? { customAttributes: { ...claims.profile?.customAttributes, ...body.customAttributes } } : {}),
      };
      await this.applyProfile(claims, profile);
      const signed = await tokens.signVisitor({ ...claims, profile });
      return { ...signed, visitorId: claims.visitorId };
    },

    async setAttributes(claims: VisitorClaims, body: SetAttributesRequest) {
      const profile: VisitorProfile = {
        ...claims.profile,
        ...(body.name ? { name: body.name } : {}),
        ...(body.email ? { email: body.email } : {}),
        ...(body.customAttributes ? { customAttributes: { ...claims.profile?.customAttributes, ...body.customAttributes } } : {}),
      };
      if (JSON.stringify(profile).length > 4096) throw new HttpError(400, "invalid_request", "custom attributes are limited to 4 kB in all");
      await this.applyProfile(claims, profile);
      const signed = await tokens.signVisitor({ ...claims, profile });
      return { ...signed, visitorId: claims.visitorId };
    },

    /** Writes a profile onto the visitor's contact when one exists already. */
    async applyProfile(claims: VisitorClaims, profile: VisitorProfile) {
      await withVisitor(claims, async (t) => {
        const contact = await t.findContactByVisitor(claims.visitorId);
        if (contact) await t.updateContact(contact.id, { ...profile });
      });
    },

    async history(claims: VisitorClaims, after = 0, conversationId?: number): Promise<VisitorHistoryResponse> {
      return withVisitor(claims, async (t) => {
        const contact = await t.findContactByVisitor(claims.visitorId);
        if (conversationId && !contact) throw notFound(`conversation ${conversationId} is not one of this visitor's`);
        if (!contact) return { conversation: null, previousConversations: [], messages: [] };
        const all = (await t.listConversations({ contactId: contact.id, inboxId: claims.inboxId, limit: 50 })).conversations;
        const chosen = conversationId ? all.find((c) => c.id === conversationId) : (all.find((c) => c.status !== "resolved") ?? all[0]);
        if (conversationId && !chosen) throw notFound(`conversation ${conversationId} is not one of this visitor's`);
        const history = chosen ? await t.getConversationMessages(chosen.id, { after }) : [];
        return {
          conversation: chosen ? toVisitorConversation(chosen) : null,
          previousConversations: all.filter((c) => c.id !== chosen?.id).map(toVisitorConversation),
          messages: history.map(toVisitorMessage),
        };
      });
    },

    /** Stores a visitor message once per clientMessageId, creating contact and conversation as
     * needed; concurrent retries of one visitor are serialised by an advisory lock. */
    async sendMessage(claims: VisitorClaims, body: SendMessageRequest) {
      const profile = { ...claims.profile, ...(body.email ? { email: body.email } : {}) };
      const result = await withVisitor(claims, async (t, inbox) => {
        await t.lockVisitor(claims.visitorId);
        let contact = await t.findContactByVisitor(claims.visitorId);
        if (contact) {
          const existing = await t.findVisitorMessage(contact.id, body.clientMessageId);
          if (existing) {
            const conversation = (await t.getConversation(existing.conversationId))!;
            return { message: existing, conversation, contact, created: false, newConversation: false };
          }
        }
        if (inbox.requireEmail && !profile.email && !contact?.email) {
          throw new HttpError(422, "email_required", "this inbox asks for an email address before the first message: send `email`");
        }
        if (inbox.enforceIdentity && claims.profile?.identifier === undefined && !contact?.identifier) {
          throw forbidden("this inbox only accepts identified visitors: call identify with a valid identifierHash first");
        }
        if (!contact) {
          const byIdentifier = profile.identifier ? await t.findContactByIdentifier(profile.identifier) : null;
          contact = byIdentifier
            ? await t.updateContact(byIdentifier.id, { ...profile, visitorId: claims.visitorId })
            : await t.createContact({ ...profile, visitorId: claims.visitorId });
        } else if (body.email && !contact.email) {
          contact = await t.updateContact(contact.id, { email: body.email });
        }
        contact = contact!;
        let conversation: Conversation | null = await currentConversation(t, contact.id, inbox.id);
        let newConversation = false;
        if (!conversation) {
          const sla = (await t.listSLAPolicies()).find((p) => p.priority === "medium");
          const opened = await t.createConversation({ inboxId: inbox.id, contactId: contact.id });
          conversation = sla
            ? await t.updateConversation(opened.id, {
                firstReplyDueAt: new Date(Date.parse(opened.createdAt) + sla.firstResponseMinutes * 60_000).toISOString(),
              })
            : opened;
          newConversation = true;
        }
        if (!conversation) throw new Error("conversation vanished inside its own transaction");
        const { message, created } = await t.createMessage({
          conversationId: conversation.id,
          senderType: "contact",
          senderId: contact.id,
          senderName: contact.name,
          messageType: "incoming",
          content: body.content,
          clientMessageId: body.clientMessageId,
        });
        const updated = created ? await t.bumpUnread(conversation.id, message.createdAt) : conversation;
        if (created) await options.afterVisitorMessage?.(t, { inbox, conversation: updated!, message, contact });
        return { message, conversation: updated!, contact, created, newConversation };
      });
      if (result.created) {
        await hub.publish(messageCreated(result.conversation, result.message, claims.visitorId));
        await hub.publish(conversationUpdated(result.conversation, claims.visitorId));
      }
      return {
        message: toVisitorMessage(result.message),
        conversation: toVisitorConversation(result.conversation),
        created: result.created,
        internal: result,
      };
    },

    async handoff(claims: VisitorClaims, reason?: string) {
      const result = await withVisitor(claims, async (t) => {
        const contact = await t.findContactByVisitor(claims.visitorId);
        const conversation = contact ? await currentConversation(t, contact.id, claims.inboxId) : null;
        if (!conversation) throw notFound("there is no open conversation to hand off: send a message first");
        if (conversation.handoffRequested) return { conversation, message: null };
        const updated = await t.updateConversation(conversation.id, { handoffRequested: true, aiEnabled: false, status: "open" });
        const { message } = await t.createMessage({
          conversationId: conversation.id,
          senderType: "system",
          messageType: "activity",
          content: reason ? `Visitor asked for a person: ${reason}` : "Visitor asked for a person",
          meta: { code: "conversation.handoff", ...(reason ? { reason } : {}) },
        });
        return { conversation: updated!, message };
      });
      if (result.message) {
        await hub.publish(messageCreated(result.conversation, result.message, claims.visitorId));
        await hub.publish(conversationUpdated(result.conversation, claims.visitorId));
        await options.afterHandoff?.(claims.accountId, result.conversation.id);
      }
      return { conversation: toVisitorConversation(result.conversation) };
    },
  };
}

export type VisitorService = ReturnType<typeof createVisitorService>;
