/** The pages' Content-Security-Policy: scripts only from this server, plus an inline script a page
 * really carries (the merchant snippet on the storefront) allowed by its SHA-256, never 'unsafe-inline'. */
import { createHash } from "node:crypto";

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Preact sets style attributes (bubble colours, positions); styles cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'", "ws:", "wss:"],
  frameSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'self'"],
  fontSrc: ["'self'", "https:", "data:"],
  formAction: ["'self'"],
  upgradeInsecureRequests: [],
} satisfies Record<string, string[]>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The inline `<script>` bodies of a page (scripts with a src are covered by 'self'). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1] ?? "").digest("base64")}'`,
  );
}

/** The header value for a page, allowing exactly its own inline scripts (and, with a nonce, the
 * scripts it writes itself: the configurator's preview document, built in the browser). */
export function contentSecurityPolicy(html: string, nonce?: string): string {
  const scriptSrc = [...CSP_DIRECTIVES.scriptSrc, ...inlineScriptHashes(html), ...(nonce ? [`'nonce-${nonce}'`] : [])];
  const directives: Record<string, string[]> = { ...CSP_DIRECTIVES, scriptSrc };
  return Object.entries(directives)
    .map(([name, values]) => [kebab(name), ...values].join(" "))
    .join("; ");
}
