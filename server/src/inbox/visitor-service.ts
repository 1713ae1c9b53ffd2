/** The visitor side of the web channel: config, tokens, identity, history, idempotent sends,
 * hand-off. Contacts and conversations are created by the first message, never by a page view. */
import type {
  Contact,
  Conversation,
  IdentifyRequest,
  Inbox,
  Message,
  RatingRequest,
  SendMessageRequest,
  SetAttributesRequest,
  VisitorConversation,
  VisitorHistoryResponse,
  VisitorMessage,
  WidgetConfig,
} from "@hummdesk/shared";
import type { TokenService, VisitorClaims, VisitorProfile } from "../auth/tokens.ts";
import { newVisitorId, TokenError } from "../auth/tokens.ts";
import { enqueueJob } from "../ai/jobs.ts";
import type { InboxCache } from "../cache/inbox-cache.ts";
import { createStaffingCache, type StaffingCache } from "../cache/staffing-cache.ts";
import type { Database } from "../db/client.ts";
import { forbidden, HttpError, notFound } from "../http/http-error.ts";
import type { RealtimeHub } from "../realtime/hub.ts";
import { conversationUpdated, messageCreated, publishAfterCommit } from "../realtime/publish.ts";
import { storedAttachment } from "../tenant/attachment-row-store.ts";
import { createTenantService, type TenantStores } from "../tenant/tenant-service.ts";
import { isWithinBusinessHours, nextOpening } from "./business-hours.ts";
import { isValidIdentifierHash } from "./identity.ts";
import { systemText } from "./system-texts.ts";
import { loadVisitorInbox } from "./visitor-inbox.ts";
import { sendInOneStatement } from "./send-in-one-statement.ts";

export interface VisitorMessageContext {
  inbox: Inbox;
  conversation: Conversation;
  message: Message;
  contact: Contact;
  /** The browser language the widget sent with the message, if any. */
  locale?: string;
}

export interface VisitorServiceOptions {
  db: Database;
  tokens: TokenService;
  hub: RealtimeHub;
  /** Inboxes by website token and id, cached briefly (config and token issuing read them). */
  inboxes: InboxCache;
  /** Whether an agent is online and the promised reply time, per account, cached briefly (the config reads them). */
  staffing?: StaffingCache;
  /** The durable job written in the transaction of each new visitor message (the AI pipeline's);
   * `delayMs` lets a burst of messages typed in a row be answered once, together. */
  messageJob?: { kind: string; delayMs?: number };
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
  attachment: m.attachment ?? null,
  createdAt: m.createdAt,
});

/** Titles in the widget's list of earlier conversations stop here. */
const TITLE_LENGTH = 80;

export const toVisitorConversation = (c: Conversation, firstMessage?: string): VisitorConversation => ({
  id: c.id,
  status: c.status,
  createdAt: c.createdAt,
  lastActivityAt: c.lastActivityAt,
  ...(firstMessage !== undefined ? { title: firstMessage.length > TITLE_LENGTH ? `${firstMessage.slice(0, TITLE_LENGTH - 1)}…` : firstMessage } : {}),
  csatScore: c.csatScore ?? null,
});

const MAX_PROFILE_BYTES = 4096;

function assertProfileSize(profile: VisitorProfile) {
  if (Buffer.byteLength(JSON.stringify(profile)) > MAX_PROFILE_BYTES) {
    throw new HttpError(400, "invalid_request", "identity and custom attributes are limited to 4 kB in all");
  }
}

/** The contact columns a visitor profile sets (an identifier is unverified unless proven). */
const contactFields = (profile: VisitorProfile) => ({
  ...(profile.name ? { name: profile.name } : {}),
  ...(profile.email ? { email: profile.email } : {}),
  ...(profile.identifier ? { identifier: profile.identifier, identifierVerified: profile.identifierVerified === true } : {}),
  ...(profile.customAttributes ? { customAttributes: profile.customAttributes } : {}),
});

/** How many of the latest messages a history load without `after` returns. */
export const HISTORY_LIMIT = 200;

const invalidToken = (websiteToken: string) => notFound(`websiteToken '${websiteToken.slice(0, 64)}' matches no inbox`);

export function createVisitorService(options: VisitorServiceOptions) {
  const { db, tokens, hub } = options;
  const staffing = options.staffing ?? createStaffingCache(db);

  async function inboxByToken(websiteToken: string) {
    const inbox = await options.inboxes.byWebsiteToken(websiteToken);
    if (!inbox) throw invalidToken(websiteToken);
    return { tenant: createTenantService(db, inbox.accountId), inbox };
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
      const inbox = await loadVisitorInbox(t, claims);
      if (!inbox) throw new HttpError(401, "unauthorized", "the visitor token's inbox no longer exists; request a new token");
      return fn(t, inbox);
    });
  }

  /** Whether the identifier is proven: a hash given must be valid, and an enforcing inbox needs one. */
  async function verifyIdentity(inboxId: number, accountId: number, identifier: string, hash: string | undefined, enforce: boolean): Promise<boolean> {
    if (!enforce && hash === undefined) return false;
    const secret = await createTenantService(db, accountId).getInboxSecret(inboxId);
    if (!secret || !isValidIdentifierHash(identifier, hash, secret)) {
      throw new HttpError(401, "identity_not_verified", "identifierHash does not match: compute HMAC-SHA256 of the identifier with the inbox secret on your server");
    }
    return true;
  }

  /** Writes a visitor's profile onto their contact. Only a proven identifier joins the contact that
   * holds it (bringing this visitor's conversations along); a claimed one stays this contact's,
   * marked unverified, so it can never reach someone else's history. */
  async function writeProfile(t: TenantStores, contact: Contact, profile: VisitorProfile, visitorId: string): Promise<Contact> {
    const fields = contactFields(profile);
    if (profile.identifier && profile.identifierVerified) {
      await t.lockIdentifier(profile.identifier);
      const owner = await t.findContactByIdentifier(profile.identifier);
      if (owner && owner.id !== contact.id) {
        await t.updateContact(contact.id, { visitorId: null });
        await t.moveConversations(contact.id, owner.id);
        return (await t.updateContact(owner.id, { ...fields, visitorId }))!;
      }
    } else if (profile.identifier && profile.identifier === contact.identifier && contact.identifierVerified) {
      // The same identifier again without its hash keeps the proof it already has.
      fields.identifierVerified = true;
    }
    return (await t.updateContact(contact.id, fields))!;
  }

  return {
    authenticate,

    async config(websiteToken: string): Promise<WidgetConfig> {
      const { inbox } = await inboxByToken(websiteToken);
      const { anyAgentOnline, firstReplyTargetMinutes } = await staffing.get(inbox.accountId);
      const now = new Date();
      const open = isWithinBusinessHours(inbox.businessHours, now);
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
        online: open && anyAgentOnline,
        nextOpenAt: open ? null : (nextOpening(inbox.businessHours, now)?.toISOString() ?? null),
        // One source of truth for the promised reply time: the SLA policy new conversations get.
        firstReplyTargetMinutes,
      };
    },

    /** Issues a visitor token, keeping the visitor id (and profile) of a still-valid earlier one. */
    async issueToken(websiteToken: string, previous: string | undefined) {
      const { inbox } = await inboxByToken(websiteToken);
      const resolved = { accountId: inbox.accountId, inboxId: inbox.id };
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
      const proven = await verifyIdentity(claims.inboxId, claims.accountId, body.identifier, body.identifierHash, enforce);
      const keepsProof = claims.profile?.identifier === body.identifier && claims.profile.identifierVerified === true;
      const profile: VisitorProfile = {
        ...claims.profile,
        identifier: body.identifier,
        identifierVerified: proven || keepsProof,
        ...(body.name ? { name: body.name } : {}),
        ...(body.email ? { email: body.email } : {}),
        ...(body.customAttributes ? { customAttributes: { ...claims.profile?.customAttributes, ...body.customAttributes } } : {}),
      };
      assertProfileSize(profile);
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
      assertProfileSize(profile);
      await this.applyProfile(claims, profile);
      const signed = await tokens.signVisitor({ ...claims, profile });
      return { ...signed, visitorId: claims.visitorId };
    },

    /** Writes a profile onto the visitor's contact when one exists already. */
    async applyProfile(claims: VisitorClaims, profile: VisitorProfile) {
      await withVisitor(claims, async (t) => {
        await t.lockVisitor(claims.visitorId);
        const contact = await t.findContactByVisitor(claims.visitorId);
        if (contact) await writeProfile(t, contact, profile, claims.visitorId);
      });
    },

    /** Without `after` (or after 0): the latest HISTORY_LIMIT messages, oldest first; with it, what came after. */
    async history(claims: VisitorClaims, after?: number, conversationId?: number): Promise<VisitorHistoryResponse> {
      return withVisitor(claims, async (t) => {
        const contact = await t.findContactByVisitor(claims.visitorId);
        if (conversationId && !contact) throw notFound(`conversation ${conversationId} is not one of this visitor's`);
        if (!contact) return { conversation: null, previousConversations: [], messages: [] };
        const all = (await t.listConversations({ contactId: contact.id, inboxId: claims.inboxId, limit: 50 })).conversations;
        const chosen = conversationId ? all.find((c) => c.id === conversationId) : (all.find((c) => c.status !== "resolved") ?? all[0]);
        if (conversationId && !chosen) throw notFound(`conversation ${conversationId} is not one of this visitor's`);
        const history = !chosen ? [] : after ? await t.getConversationMessages(chosen.id, { after }) : await t.getRecentMessages(chosen.id, { limit: HISTORY_LIMIT });
        const titles = await t.firstVisitorMessages(all.map((c) => c.id));
        return {
          conversation: chosen ? toVisitorConversation(chosen, titles.get(chosen.id)) : null,
          previousConversations: all.filter((c) => c.id !== chosen?.id).map((c) => toVisitorConversation(c, titles.get(c.id))),
          messages: history.map(toVisitorMessage),
        };
      });
    },

    /** Stores a visitor message once per clientMessageId, creating contact and conversation as
     * needed; concurrent retries of one visitor are serialised by an advisory lock. */
    async sendMessage(claims: VisitorClaims, body: SendMessageRequest) {
      // The common case (a contact writing into its open conversation) is one statement; a
      // message with a file takes the longer path.
      const fast = body.attachmentId ? ({ outcome: "slow" } as const) : await sendInOneStatement(db, {
        accountId: claims.accountId,
        inboxId: claims.inboxId,
        visitorId: claims.visitorId,
        clientMessageId: body.clientMessageId,
        content: body.content,
        email: body.email ?? null,
        identified: claims.profile?.identifierVerified === true,
        job: options.messageJob ? { kind: options.messageJob.kind, delayMs: options.messageJob.delayMs ?? 0, payload: body.locale ? { locale: body.locale } : {} } : null,
      });
      const result = fast.outcome === "slow" ? await this.sendMessageLong(claims, body) : { ...fast, created: fast.outcome === "created" };
      // After the commit, in the hub's next batch; the visitor's answer does not wait for it.
      if (result.created) publishAfterCommit(hub, [messageCreated(result.conversation, result.message, claims.visitorId), conversationUpdated(result.conversation, claims.visitorId)]);
      return {
        message: toVisitorMessage(result.message),
        conversation: toVisitorConversation(result.conversation),
        created: result.created,
      };
    },

    /** The first message (and every other uncommon case): find or create contact and conversation. */
    async sendMessageLong(claims: VisitorClaims, body: SendMessageRequest): Promise<VisitorMessageContext & { created: boolean; newConversation: boolean }> {
      const profile = { ...claims.profile, ...(body.email ? { email: body.email } : {}) };
      return withVisitor(claims, async (t, inbox) => {
        await t.lockVisitor(claims.visitorId);
        let contact = await t.findContactByVisitor(claims.visitorId);
        if (contact) {
          const existing = await t.findVisitorMessage(contact.id, body.clientMessageId);
          if (existing) {
            const conversation = (await t.getConversation(existing.conversationId))!;
            return { inbox, message: existing, conversation, contact, created: false, newConversation: false };
          }
        }
        const file = body.attachmentId ? await t.unclaimedAttachment(body.attachmentId, { type: "contact", id: claims.visitorId }) : null;
        if (body.attachmentId && !file) throw notFound("no such attachment of this visitor's waiting to be sent: upload it with POST /widget/v1/attachments");
        if (inbox.requireEmail && !profile.email && !contact?.email) {
          throw new HttpError(422, "email_required", "this inbox asks for an email address before the first message: send `email`");
        }
        if (inbox.enforceIdentity && !claims.profile?.identifierVerified && !contact?.identifierVerified) {
          throw forbidden("this inbox only accepts identified visitors: call identify with a valid identifierHash first");
        }
        if (!contact) {
          // Only a proven identifier joins an existing contact; a claimed one gets a contact of its own.
          const proven = profile.identifier && profile.identifierVerified ? profile.identifier : null;
          if (proven) await t.lockIdentifier(proven);
          const owner = proven ? await t.findContactByIdentifier(proven) : null;
          contact = owner
            ? await t.updateContact(owner.id, { ...contactFields(profile), visitorId: claims.visitorId })
            : await t.createContact({ ...contactFields(profile), visitorId: claims.visitorId });
        } else if (body.email && !contact.email) {
          contact = await t.updateContact(contact.id, { email: body.email });
        }
        contact = contact!;
        let conversation: Conversation | null = await currentConversation(t, contact.id, inbox.id);
        let newConversation = false;
        if (!conversation) {
          const sla = (await t.listSLAPolicies()).find((p) => p.priority === "medium");
          const opened = await t.createConversation({ inboxId: inbox.id, contactId: contact.id, visitorContext: body.context ?? null });
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
          ...(file ? { meta: { attachment: storedAttachment(file) } } : {}),
        });
        if (file && created) await t.claimAttachment(file.publicId, { type: "contact", id: claims.visitorId }, { conversationId: conversation.id, messageId: message.id });
        const updated = created ? await t.bumpUnread(conversation.id, message.createdAt) : conversation;
        if (created && options.messageJob) {
          await enqueueJob(t.executor, {
            accountId: message.accountId,
            kind: options.messageJob.kind,
            uniqueKey: `message:${message.id}`,
            payload: { messageId: message.id, ...(body.locale ? { locale: body.locale } : {}) },
            delayMs: options.messageJob.delayMs,
          });
        }
        return { inbox, message, conversation: updated!, contact, created, newConversation };
      });
    },

    /** The visitor rates a resolved conversation of theirs (again: the latest rating counts). */
    async rate(claims: VisitorClaims, conversationId: number, body: RatingRequest) {
      const conversation = await withVisitor(claims, async (t) => {
        const contact = await t.findContactByVisitor(claims.visitorId);
        const found = contact ? await t.getConversation(conversationId) : null;
        if (!found || found.contactId !== contact?.id || found.inboxId !== claims.inboxId) {
          throw notFound(`conversation ${conversationId} is not one of this visitor's`);
        }
        if (found.status !== "resolved") throw new HttpError(409, "not_resolved", "a conversation can be rated once it is resolved");
        return (await t.updateConversation(found.id, { csatScore: body.score, csatComment: body.comment || null }))!;
      });
      publishAfterCommit(hub, [conversationUpdated(conversation, claims.visitorId)]);
      return { conversation: toVisitorConversation(conversation) };
    },

    /** The visitor asks for a person. The activity line is ours (localized); a reason they typed is
     * stored as their own message, so it can never pass for a notice from us. */
    async handoff(claims: VisitorClaims, reason?: string) {
      const result = await withVisitor(claims, async (t, inbox) => {
        const contact = await t.findContactByVisitor(claims.visitorId);
        const conversation = contact ? await currentConversation(t, contact.id, claims.inboxId) : null;
        if (!contact || !conversation) throw notFound("there is no open conversation to hand off: send a message first");
        if (conversation.handoffRequested) return { conversation, messages: [] };
        const updated = await t.updateConversation(conversation.id, { handoffRequested: true, aiEnabled: false, status: "open" });
        const messages: Message[] = [];
        if (reason?.trim()) {
          const { message } = await t.createMessage({
            conversationId: conversation.id,
            senderType: "contact",
            senderId: contact.id,
            senderName: contact.name,
            messageType: "incoming",
            content: reason.trim(),
          });
          messages.push(message);
        }
        const { message } = await t.createMessage({
          conversationId: conversation.id,
          senderType: "system",
          messageType: "activity",
          content: systemText("visitorAskedForPerson", conversation.language, inbox.locale),
          meta: { code: "conversation.handoff" },
        });
        messages.push(message);
        return { conversation: updated!, messages };
      });
      if (result.messages.length > 0) {
        publishAfterCommit(hub, [
          ...result.messages.map((message) => messageCreated(result.conversation, message, claims.visitorId)),
          conversationUpdated(result.conversation, claims.visitorId),
        ]);
        await options.afterHandoff?.(claims.accountId, result.conversation.id);
      }
      return { conversation: toVisitorConversation(result.conversation) };
    },
  };
}

export type VisitorService = ReturnType<typeof createVisitorService>;
