/** Ids the widget gives a message before the server has seen it, so a resend is recognised as the same. */

export function newClientMessageId(crypto: Pick<Crypto, "getRandomValues"> & Partial<Pick<Crypto, "randomUUID">> = globalThis.crypto): string {
  // randomUUID exists only on https pages; getRandomValues everywhere.
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
