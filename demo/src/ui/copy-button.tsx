/** Copies a text to the clipboard and says so to sighted and screen-reader users alike. */
import { useState } from "preact/hooks";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure origin, no permission): the old way still works in most browsers.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span>
      <button
        type="button"
        class="button small"
        data-testid={testId}
        onClick={async () => {
          setStatus((await copyText(text)) ? "copied" : "failed");
          setTimeout(() => setStatus("idle"), 2500);
        }}
      >
        {status === "copied" ? "Copied" : label}
      </button>
      <span class="visually-hidden" aria-live="polite">
        {status === "copied" ? "Copied to the clipboard" : status === "failed" ? "Copying failed; select the text and copy it" : ""}
      </span>
    </span>
  );
}
