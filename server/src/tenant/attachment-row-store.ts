/** Attachment rows of one account (RLS-bound executor): who uploaded a file, and which message uses it. */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { attachments } from "../db/schema.ts";
import type { StoredAttachment } from "./mappers.ts";

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachmentRow = Omit<typeof attachments.$inferInsert, "accountId" | "id" | "createdAt" | "updatedAt" | "conversationId" | "messageId">;

export interface Uploader {
  type: "contact" | "agent";
  id: string;
}

export function attachmentRowStore(tx: Executor, accountId: number) {
  /** This account's file of this uploader that no message uses yet. */
  const unclaimed = (publicId: string, uploader: Uploader) =>
    and(
      eq(attachments.accountId, accountId),
      eq(attachments.publicId, publicId),
      eq(attachments.uploaderType, uploader.type),
      eq(attachments.uploaderId, uploader.id),
      isNull(attachments.messageId),
    );
  return {
    async createAttachment(input: NewAttachmentRow): Promise<AttachmentRow> {
      const [row] = await tx.insert(attachments).values({ accountId, ...input }).returning();
      return row!;
    },
    async findAttachment(publicId: string): Promise<AttachmentRow | null> {
      const [row] = await tx.select().from(attachments).where(and(eq(attachments.accountId, accountId), eq(attachments.publicId, publicId)));
      return row ?? null;
    },
    /** The uploader's file not yet on a message, claimed for this one; null if there is none. */
    async claimAttachment(publicId: string, uploader: Uploader, use: { conversationId: number; messageId: number }): Promise<AttachmentRow | null> {
      const [row] = await tx.update(attachments).set(use).where(unclaimed(publicId, uploader)).returning();
      return row ?? null;
    },
    /** The uploader's file not yet on a message (checked before the message is written). */
    async unclaimedAttachment(publicId: string, uploader: Uploader): Promise<AttachmentRow | null> {
      const [row] = await tx.select().from(attachments).where(unclaimed(publicId, uploader)).for("update");
      return row ?? null;
    },
  };
}

/** What a message's meta keeps of the file it carries. */
export const storedAttachment = (row: AttachmentRow): StoredAttachment => ({
  id: row.publicId,
  name: row.fileName,
  contentType: row.contentType as StoredAttachment["contentType"],
  size: row.byteSize,
});
