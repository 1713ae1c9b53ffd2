/** A file's type from its first bytes (the `file-type` library), never from its name or the
 * browser's claim; only the types of ATTACHMENT_TYPES pass. */
import { ATTACHMENT_TYPES, type AttachmentContentType } from "@hummdesk/shared";
import { fileTypeFromBuffer } from "file-type";

const ALLOWED = new Set<string>(ATTACHMENT_TYPES);

export async function sniffAttachmentType(bytes: Buffer): Promise<AttachmentContentType | null> {
  const found = await fileTypeFromBuffer(bytes);
  return found && ALLOWED.has(found.mime) ? (found.mime as AttachmentContentType) : null;
}
