/** Websocket frames of both sockets: envelope `{ type, data }` (DESIGN.md, Realtime events). */
import { z } from "zod";
import { Citation, Conversation, Message } from "./domain.ts";
import { VisitorConversation, VisitorMessage } from "./widget-api.ts";

export const MAX_FRAME_BYTES = 16 * 1024;

/** Close codes: 1008 policy (bad auth, bad frame), 1009 too big, 1001 server going away, 4401 token expired. */
export const CloseCode = { policy: 1008, tooBig: 1009, goingAway: 1001, unauthorized: 4401 } as const;

export const ClientFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth"), token: z.string().min(1).max(4096), accountId: z.number().int().positive().optional() }),
  z.object({ type: z.literal("resume"), after: z.number().int().min(0) }),
  z.object({ type: z.literal("typing"), conversationId: z.number().int().positive().optional(), on: z.boolean() }),
  z.object({ type: z.literal("ping") }),
]);

export const TypingEvent = z.object({
  conversationId: z.number().int(),
  senderType: z.enum(["contact", "agent"]),
  senderName: z.string().nullable(),
  on: z.boolean(),
});

export const AIAnswerDelta = z.object({
  draftId: z.number().int(),
  conversationId: z.number().int(),
  index: z.number().int().min(0),
  text: z.string(),
});

export const AIAnswerCompleted = z.object({
  draftId: z.number().int(),
  conversationId: z.number().int(),
  messageId: z.number().int().optional(),
  citations: z.array(Citation),
  content: z.string(),
});

export const ErrorEvent = z.object({ code: z.string(), message: z.string() });

/** Server -> agent socket. */
export const AgentServerFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), data: z.object({ accountId: z.number().int(), userId: z.number().int() }) }),
  z.object({ type: z.literal("message.created"), data: Message }),
  z.object({ type: z.literal("message.updated"), data: Message }),
  z.object({ type: z.literal("conversation.updated"), data: Conversation }),
  z.object({ type: z.literal("typing"), data: TypingEvent }),
  z.object({ type: z.literal("ai.answer.delta"), data: AIAnswerDelta }),
  z.object({ type: z.literal("ai.answer.completed"), data: AIAnswerCompleted }),
  z.object({ type: z.literal("pong"), data: z.object({}) }),
  z.object({ type: z.literal("error"), data: ErrorEvent }),
]);

/** Server -> visitor socket: only the visitor's own conversation, never notes. */
export const VisitorServerFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), data: z.object({ visitorId: z.string() }) }),
  z.object({ type: z.literal("message.created"), data: VisitorMessage }),
  z.object({ type: z.literal("message.updated"), data: VisitorMessage }),
  z.object({ type: z.literal("conversation.updated"), data: VisitorConversation }),
  z.object({ type: z.literal("typing"), data: TypingEvent }),
  z.object({ type: z.literal("ai.answer.delta"), data: AIAnswerDelta }),
  z.object({ type: z.literal("ai.answer.completed"), data: AIAnswerCompleted }),
  z.object({ type: z.literal("pong"), data: z.object({}) }),
  z.object({ type: z.literal("error"), data: ErrorEvent }),
]);

export type ClientFrame = z.infer<typeof ClientFrame>;
export type TypingEvent = z.infer<typeof TypingEvent>;
export type AIAnswerDelta = z.infer<typeof AIAnswerDelta>;
export type AIAnswerCompleted = z.infer<typeof AIAnswerCompleted>;
export type AgentServerFrame = z.infer<typeof AgentServerFrame>;
export type VisitorServerFrame = z.infer<typeof VisitorServerFrame>;
