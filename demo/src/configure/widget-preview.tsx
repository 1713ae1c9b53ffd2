/** The live preview: the real widget in a sandboxed same-origin iframe, re-created whenever the unsaved look changes. */
import type { WidgetConfig, WidgetLocale } from "@hummdesk/shared";
import { buildSnippet } from "@hummdesk/widget/snippet";
import { useEffect, useState } from "preact/hooks";
import { previewDocument } from "./preview-document.ts";

const STORAGE_NAME = "hummdeskPreviewStorage";

/** An in-memory localStorage for the preview's widget, kept across re-creations so a test chat carries on. */
function installPreviewStorage(): void {
  const host = window as unknown as Record<string, unknown>;
  if (host[STORAGE_NAME]) return;
  const items = new Map<string, string>();
  host[STORAGE_NAME] = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

export interface WidgetPreviewProps {
  snippetOptions: Parameters<typeof buildSnippet>[0];
  config: Partial<WidgetConfig>;
}

export function WidgetPreview({ snippetOptions, config }: WidgetPreviewProps) {
  const [locale, setLocale] = useState<WidgetLocale>(snippetOptions.locale ?? "fi");
  const [openPanel, setOpenPanel] = useState(true);
  const [reloads, setReloads] = useState(0);
  const html = previewDocument({
    snippet: buildSnippet({ ...snippetOptions, locale }),
    websiteToken: snippetOptions.websiteToken,
    config: { ...config, locale },
    openPanel,
    storageName: STORAGE_NAME,
    lang: locale,
  });
  // Typing a colour should not restart the widget on every keystroke.
  const [shown, setShown] = useState({ html, version: 0 });
  useEffect(() => {
    const timer = setTimeout(() => setShown((current) => (current.html === html ? current : { html, version: current.version + 1 })), 350);
    return () => clearTimeout(timer);
  }, [html]);
  installPreviewStorage();

  return (
    <section class="card preview" aria-labelledby="preview-title" data-testid="widget-preview">
      <div class="section-head">
        <h2 id="preview-title">Live preview</h2>
        <span class="field-hint">Unsaved settings, real widget</span>
      </div>
      <div class="preview-controls">
        <label>
          Language{" "}
          <select class="input inline" value={locale} onChange={(event) => setLocale(event.currentTarget.value as WidgetLocale)} data-testid="preview-locale">
            <option value="fi">Suomi</option>
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={openPanel} onChange={(event) => setOpenPanel(event.currentTarget.checked)} data-testid="preview-open" />
          Open the chat
        </label>
        <button type="button" class="button small" onClick={() => setReloads((n) => n + 1)} data-testid="preview-reload">
          Reload
        </button>
      </div>
      <iframe
        key={`${reloads}:${shown.version}`}
        class="preview-frame"
        title="Chat widget preview"
        sandbox="allow-scripts allow-same-origin allow-forms allow-popups"
        srcdoc={shown.html}
        data-testid="preview-frame"
      />
    </section>
  );
}
