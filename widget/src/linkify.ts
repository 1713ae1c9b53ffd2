/** Splits message text into plain text and http(s) links: nothing in a message ever becomes HTML. */

export type TextSegment = { type: "text"; text: string } | { type: "link"; text: string; href: string };

// Stops at whitespace, quotes and angle brackets, so a link can never carry markup or break out of an attribute.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a URL in prose, and a closing bracket the URL did not open: "(see https://x.fi/a)."
const TRAILING = /[.,!?;:]+$|\)$/;

/** The URL itself when it is an absolute http(s) URL, else null (for links that come from the server). */
export function safeHttpUrl(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Drops what ends a URL typed in prose rather than the URL itself. */
function trimUrl(url: string): string {
  let trimmed = url;
  while (TRAILING.test(trimmed) && !(trimmed.endsWith(")") && trimmed.includes("("))) {
    trimmed = trimmed.replace(TRAILING, "");
  }
  return trimmed;
}

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plain = "";
  let cursor = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = trimUrl(match[0]);
    const href = safeHttpUrl(url);
    plain += text.slice(cursor, start);
    if (href) {
      if (plain) segments.push({ type: "text", text: plain });
      segments.push({ type: "link", text: url, href });
      plain = "";
    } else {
      plain += url;
    }
    cursor = start + url.length;
  }
  plain += text.slice(cursor);
  if (plain) segments.push({ type: "text", text: plain });
  return segments;
}
