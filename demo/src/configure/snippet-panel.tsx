/** The snippet a merchant pastes before </body>, built by the widget package from the options chosen here. */
import { buildSnippet } from "@hummdesk/widget/snippet";
import { useState } from "preact/hooks";
import { CodeBlock } from "../ui/code-block.tsx";
import { CopyButton } from "../ui/copy-button.tsx";

export interface SnippetChoices {
  launcherText: string;
  hideLauncher: boolean;
  darkMode: boolean;
  /** Write colour and position into the snippet, so this page keeps them whatever is saved later. */
  pinLook: boolean;
}

export const DEFAULT_SNIPPET_CHOICES: SnippetChoices = { launcherText: "", hideLauncher: false, darkMode: false, pinLook: false };

export function snippetOptions(
  base: { baseUrl: string; websiteToken: string; color: string; position: "left" | "right" },
  choices: SnippetChoices,
): Parameters<typeof buildSnippet>[0] {
  return {
    baseUrl: base.baseUrl,
    websiteToken: base.websiteToken,
    ...(choices.pinLook ? { color: base.color, position: base.position } : {}),
    ...(choices.launcherText.trim() ? { launcherText: choices.launcherText.trim() } : {}),
    ...(choices.hideLauncher ? { hideLauncher: true } : {}),
    ...(choices.darkMode ? { darkMode: true } : {}),
  };
}

export interface SnippetPanelProps {
  options: Parameters<typeof buildSnippet>[0];
  choices: SnippetChoices;
  onChoicesChange(choices: SnippetChoices): void;
}

export function SnippetPanel({ options, choices, onChoicesChange }: SnippetPanelProps) {
  const [showOptions, setShowOptions] = useState(false);
  const snippet = buildSnippet(options);
  const set = (changes: Partial<SnippetChoices>) => onChoicesChange({ ...choices, ...changes });
  return (
    <section class="card" aria-labelledby="snippet-title" data-testid="snippet-panel">
      <div class="section-head">
        <h2 id="snippet-title">Install</h2>
        <CopyButton text={snippet} label="Copy snippet" testId="snippet-copy" />
      </div>
      <p class="field-hint">
        Paste this just before <code>&lt;/body&gt;</code> on every page. Saved settings reach the widget on its next page load; nothing here
        needs changing when you save.
      </p>
      <CodeBlock code={snippet} testId="snippet-code" />
      <button type="button" class="button small link-like" aria-expanded={showOptions} onClick={() => setShowOptions(!showOptions)}>
        {showOptions ? "Hide snippet options" : "Snippet options"}
      </button>
      {showOptions && (
        <div class="snippet-options">
          <div class="field">
            <label for="snippet-launcher-text">Launcher text</label>
            <input
              id="snippet-launcher-text"
              class="input"
              maxLength={40}
              placeholder="Chat with us"
              value={choices.launcherText}
              onInput={(event) => set({ launcherText: event.currentTarget.value })}
              data-testid="snippet-launcher-text"
            />
          </div>
          <label class="check">
            <input type="checkbox" checked={choices.hideLauncher} onChange={(event) => set({ hideLauncher: event.currentTarget.checked })} />
            Hide the launcher (open the chat with <code>HummDesk("open")</code>)
          </label>
          <label class="check">
            <input type="checkbox" checked={choices.darkMode} onChange={(event) => set({ darkMode: event.currentTarget.checked })} />
            Dark mode
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={choices.pinLook}
              onChange={(event) => set({ pinLook: event.currentTarget.checked })}
              data-testid="snippet-pin-look"
            />
            Fix colour and position in the snippet (later saves no longer change them on that page)
          </label>
        </div>
      )}
    </section>
  );
}
