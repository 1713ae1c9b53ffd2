/** The live preview: the real widget in a sandboxed same-origin iframe, re-created whenever the unsaved look changes. */
import type { WidgetConfig, WidgetLocale } from "@hummdesk/shared";
import { buildSnippet } from "@hummdesk/widget/snippet";
import { useEffect, useRef, useState } from "preact/hooks";
import { previewDocument } from "./preview-document.ts";

const STORAGE_NAME = "hummdeskPreviewStorage";

/** The srcdoc preview inherits the page's CSP: its inline scripts carry the nonce the server gave. */
function withScriptNonce(html: string): string {
  const nonce = document.querySelector<HTMLMetaElement>('meta[name="hummdesk-script-nonce"]')?.content;
  return nonce ? html.replace(/<script(?=[\s>])/g, `<script nonce="${nonce}"`) : html;
}

/** The preview page's own size: a desktop window (the widget's corner panel, left or right) or a
 * phone (the full-screen panel); it is scaled down to fit the column it sits in. */
const DEVICES = {
  desktop: { width: 720, height: 760, label: "Desktop" },
  phone: { width: 390, height: 760, label: "Phone" },
} as const;
type Device = keyof typeof DEVICES;

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
  const [device, setDevice] = useState<Device>("desktop");
  const stage = useRef<HTMLDivElement>(null);
  const [stageWidth, setStageWidth] = useState(0);
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setStageWidth(element.clientWidth));
    observer.observe(element);
    setStageWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  const size = DEVICES[device];
  const scale = stageWidth > 0 ? Math.min(1, stageWidth / size.width) : 1;
  const html = withScriptNonce(previewDocument({
    snippet: buildSnippet({ ...snippetOptions, locale }),
    websiteToken: snippetOptions.websiteToken,
    config: { ...config, locale },
    openPanel,
    storageName: STORAGE_NAME,
    lang: locale,
  }));
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
        <label>
          Screen{" "}
          <select class="input inline" value={device} onChange={(event) => setDevice(event.currentTarget.value as Device)} data-testid="preview-device">
            {(Object.keys(DEVICES) as Device[]).map((key) => (
              <option key={key} value={key}>
                {DEVICES[key].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button small" onClick={() => setReloads((n) => n + 1)} data-testid="preview-reload">
          Reload
        </button>
      </div>
      {/* No sandbox attribute: the preview needs scripts and its own origin, and a sandbox granting
          both is no sandbox (Chromium warns on every rebuild). The document is ours, built above. */}
      <div class="preview-stage" ref={stage} style={{ height: `${Math.round(size.height * scale)}px` }}>
        <iframe
          key={`${reloads}:${shown.version}:${device}`}
          class="preview-frame"
          title="Chat widget preview"
          srcdoc={shown.html}
          style={{ width: `${size.width}px`, height: `${size.height}px`, transform: `scale(${scale})` }}
          data-testid="preview-frame"
          data-device={device}
        />
      </div>
    </section>
  );
}
