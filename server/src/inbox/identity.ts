/** Identity verification: the merchant's server signs the user's identifier with the inbox
 * secret (HMAC-SHA256, hex); we compare in constant time. */
import { timingSafeEqual } from "node:crypto";
import { identifierHash } from "../auth/tokens.ts";

export function isValidIdentifierHash(identifier: string, hash: string | undefined, inboxSecret: string): boolean {
  if (!hash || !/^[0-9a-fA-F]{64}$/.test(hash)) return false;
  const expected = Buffer.from(identifierHash(identifier, inboxSecret), "hex");
  return timingSafeEqual(expected, Buffer.from(hash.toLowerCase(), "hex"));
}
