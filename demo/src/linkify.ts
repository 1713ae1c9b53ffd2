/** Splits message text into plain text and http(s) links, so messages render as text and never as HTML. */
export type TextSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]+$/;

/** A URL in prose often ends in punctuation that belongs to the sentence, or a ")" that closes a remark. */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, "");
  while (url.endsWith(")") && count(url, "(") < count(url, ")")) url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  return url;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The URL as an href when it is http(s); anything else (javascript:, data:, garbage) is null. */
export function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plainFrom = 0;
  const pushText = (to: number) => {
    if (to > plainFrom) segments.push({ kind: "text", text: text.slice(plainFrom, to) });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    pushText(start);
    segments.push({ kind: "link", text: url, href });
    plainFrom = start + url.length;
  }
  pushText(text.length);
  return segments;
}
