/** Allowed origins of an inbox: an empty list allows any origin; otherwise an exact match. */
export function isOriginAllowed(allowedOrigins: string[], origin: string | undefined): boolean {
  if (allowedOrigins.length === 0 || origin === undefined) return true;
  const normalised = origin.toLowerCase().replace(/\/$/, "");
  return allowedOrigins.some((allowed) => allowed.toLowerCase().replace(/\/$/, "") === normalised);
}
