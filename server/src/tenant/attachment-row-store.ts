/** Attachment rows of one account (RLS-bound executor): who uploaded a file, and which message uses it. */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { attachments } from "../db/schema.ts";
import type { StoredAttachment } from "./mappers.ts";

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachmentRow = Omit<typeof attachments.$inferInsert, "accountId" | "id" | "createdAt" | "updatedAt" | "conversationId" | "messageId">;

export function attachmentRowStore(tx: Executor, accountId: number) {
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
    async claimAttachment(publicId: string, uploader: { type: "contact" | "agent"; id: string }, use: { conversationId: number; messageId: number }): Promise<AttachmentRow | null> {
      const [row] = await tx
        .update(attachments)
        .set(use)
        .where(
          and(
            eq(attachments.accountId, accountId),
            eq(attachments.publicId, publicId),
            eq(attachments.uploaderType, uploader.type),
            eq(attachments.uploaderId, uploader.id),
            isNull(attachments.messageId),
          ),
        )
        .returning();
      return row ?? null;
    },
    /** The uploader's file not yet on a message (checked before the message is written). */
    async unclaimedAttachment(publicId: string, uploader: { type: "contact" | "agent"; id: string }): Promise<AttachmentRow | null> {
      const [row] = await tx
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.accountId, accountId),
            eq(attachments.publicId, publicId),
            eq(attachments.uploaderType, uploader.type),
            eq(attachments.uploaderId, uploader.id),
            isNull(attachments.messageId),
          ),
        )
        .for("update");
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
