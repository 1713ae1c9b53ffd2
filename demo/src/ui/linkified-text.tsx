/** Message text on screen: plain text nodes, with http(s) links made clickable and nothing parsed as HTML. */
import { linkify } from "../linkify.ts";

export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, index) =>
        segment.kind === "link" ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
