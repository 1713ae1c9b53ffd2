/**
 * Uploading a file: its bytes arrive as the request body (any content type; the browser's word is
 * ignored), its type is read from its first bytes, and only images (PNG, JPEG, GIF, WebP) and PDF
 * files up to the configured size pass. The bytes go to the AttachmentStore under a key the
 * server makes; a row records who uploaded it, so only they can put it on a message.
 */
import { createHash, randomBytes } from "node:crypto";
import { ATTACHMENT_TYPES, type Attachment } from "@hummdesk/shared";
import type { FastifyInstance } from "fastify";
import { HttpError } from "../http/http-error.ts";
import { storedAttachment, type Uploader } from "../tenant/attachment-row-store.ts";
import { attachmentUrl } from "../tenant/mappers.ts";
import type { TenantService } from "../tenant/tenant-service.ts";
import { type AttachmentStore, storageKey } from "./attachment-store.ts";
import { sniffAttachmentType } from "./sniff-type.ts";

export interface UploadLimits {
  store: AttachmentStore;
  maxBytes: number;
}

/** Lets a route plugin take raw bodies of any type (only in that plugin's scope). */
export function acceptRawBodies(app: FastifyInstance, maxBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
}

/** A file name safe to show and to put in a header: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return cleaned || "file";
}

export async function saveUpload(
  tenant: TenantService,
  limits: UploadLimits,
  uploader: Uploader,
  name: string,
  body: unknown,
): Promise<Attachment> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, "empty_file", "send the file's bytes as the request body");
  if (body.length > limits.maxBytes) throw new HttpError(413, "file_too_large", `files may be at most ${limits.maxBytes} bytes`);
  const contentType = await sniffAttachmentType(body);
  if (!contentType) {
    throw new HttpError(415, "unsupported_file_type", `only these file types can be attached: ${ATTACHMENT_TYPES.join(", ")} (told from the file's content)`);
  }
  const publicId = randomBytes(18).toString("base64url");
  const key = storageKey(tenant.accountId, publicId);
  await limits.store.put(key, body);
  try {
    const row = await tenant.transaction((t) =>
      t.createAttachment({
        publicId,
        uploaderType: uploader.type,
        uploaderId: uploader.id,
        fileName: cleanFileName(name),
        contentType,
        byteSize: body.length,
        sha256: createHash("sha256").update(body).digest("hex"),
        storageKey: key,
      }),
    );
    const stored = storedAttachment(row);
    return { ...stored, url: attachmentUrl(tenant.accountId, stored) };
  } catch (error) {
    await limits.store.remove(key).catch(() => {});
    throw error;
  }
}
