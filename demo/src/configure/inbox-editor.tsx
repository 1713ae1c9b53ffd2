/** One inbox's settings: the form, its validation and save, beside the live preview and the snippet. */
import type { AIMode, Inbox, WidgetConfig, WidgetLocale } from "@hummdesk/shared";
import { useMemo, useState } from "preact/hooks";
import { type ApiClient, ApiError, describeError } from "../api-client.ts";
import { BusinessHoursEditor } from "./business-hours-editor.tsx";
import { FieldError, invalidProps } from "./field-error.tsx";
import { IdentitySection } from "./identity-section.tsx";
import {
  checkForm,
  errorsFromServer,
  type FieldErrors,
  formFromInbox,
  formToRequestBody,
  type InboxForm,
  isSameForm,
  validReplyMinutes,
} from "./inbox-form.ts";
import { OriginsEditor } from "./origins-editor.tsx";
import { DEFAULT_SNIPPET_CHOICES, type SnippetChoices, SnippetPanel, snippetOptions } from "./snippet-panel.tsx";
import { WidgetPreview } from "./widget-preview.tsx";

const LANGUAGES: { locale: WidgetLocale; name: string; example: string }[] = [
  { locale: "fi", name: "Finnish", example: "Hei! Miten voimme auttaa?" },
  { locale: "sv", name: "Swedish", example: "Hej! Hur kan vi hjälpa dig?" },
  { locale: "en", name: "English", example: "Hi! How can we help?" },
];

const AI_MODES: { mode: AIMode; title: string; description: string }[] = [
  { mode: "off", title: "Off", description: "No AI drafts; agents answer everything." },
  { mode: "suggest", title: "Suggest", description: "The AI drafts an answer for the agent to accept, edit or reject." },
  { mode: "auto_reply", title: "Auto-reply", description: "The AI answers the visitor at once, with a way to reach a person." },
];

const HEX = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

/** #rgb -> #rrggbb (the colour picker knows only the long form). */
function longHex(colour: string): string {
  return colour.length === 4 ? `#${[...colour.slice(1)].map((digit) => digit + digit).join("")}` : colour;
}

export interface InboxEditorProps {
  api: ApiClient;
  inbox: Inbox;
  onSaved(inbox: Inbox): void;
}

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "invalid"; message: string } | { kind: "failed"; message: string };

export function InboxEditor({ api, inbox, onSaved }: InboxEditorProps) {
  const [saved, setSaved] = useState(() => formFromInbox(inbox));
  const [form, setForm] = useState(saved);
  const [validateLive, setValidateLive] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [choices, setChoices] = useState<SnippetChoices>(DEFAULT_SNIPPET_CHOICES);

  const check = useMemo(() => checkForm(form, saved), [form, saved]);
  const errors: FieldErrors = validateLive && !check.ok ? { ...serverErrors, ...check.errors } : serverErrors;
  const dirty = !isSameForm(saved, form);

  function change(changes: Partial<InboxForm>) {
    setForm((current) => ({ ...current, ...changes }));
    setServerErrors({});
    if (save.kind === "saved" || save.kind === "failed") setSave({ kind: "idle" });
  }

  async function submit(event: Event) {
    event.preventDefault();
    setValidateLive(true);
    if (!check.ok) {
      const count = Object.keys(check.errors).length;
      setSave({ kind: "invalid", message: `Nothing was saved: ${count === 1 ? "1 field needs" : `${count} fields need`} fixing.` });
      focusFirstInvalid();
      return;
    }
    setSave({ kind: "saving" });
    try {
      const { inbox: updated } = await api.updateInbox(inbox.id, check.request);
      const next = formFromInbox(updated);
      setSaved(next);
      setForm(next);
      setServerErrors({});
      setValidateLive(false);
      setSave({ kind: "saved" });
      onSaved(updated);
    } catch (failure) {
      const fieldErrors = failure instanceof ApiError ? errorsFromServer(form, failure.details) : {};
      setServerErrors(fieldErrors);
      setSave({ kind: "failed", message: `Nothing was saved: ${describeError(failure)}` });
      if (Object.keys(fieldErrors).length > 0) focusFirstInvalid();
    }
  }

  // The preview shows the unsaved look, but only values the widget can use.
  const body = formToRequestBody(form);
  const hoursValid = check.ok || !Object.keys(check.errors).some((path) => path.startsWith("businessHours"));
  const previewColor = longHex(HEX.test(form.color.trim()) ? form.color.trim() : saved.color).toLowerCase();
  const previewConfig: Partial<WidgetConfig> = {
    inboxName: form.name.trim() || saved.name,
    websiteToken: inbox.websiteToken,
    color: previewColor,
    position: form.position,
    greeting: body["greeting"] as Record<string, string>,
    aiMode: form.aiMode,
    requireEmail: form.requireEmail,
    enforceIdentity: form.enforceIdentity,
    businessHours: (hoursValid ? body : formToRequestBody(saved))["businessHours"] as WidgetConfig["businessHours"],
    // Only a reply time the inbox accepts is previewed ("-5" keeps the saved one).
    replyTimeMinutes: validReplyMinutes(form) ?? inbox.replyTimeMinutes,
  };
  const installOptions = snippetOptions({ baseUrl: location.origin, websiteToken: inbox.websiteToken, color: previewColor, position: form.position }, choices);

  return (
    <div class="workspace">
      <form class="editor" onSubmit={submit} noValidate data-testid="inbox-form" aria-label={`Settings of ${inbox.name}`}>
        <section class="card" aria-labelledby="look-title">
          <h2 id="look-title">Look</h2>
          <div class="field">
            <label for="inbox-name">Inbox name</label>
            <input
              id="inbox-name"
              class="input"
              value={form.name}
              onInput={(event) => change({ name: event.currentTarget.value })}
              data-testid="inbox-name"
              {...invalidProps(errors, "name")}
            />
            <FieldError errors={errors} path="name" />
          </div>
          <div class="field">
            <label for="inbox-color">Colour</label>
            <div class="color-row">
              <input
                type="color"
                aria-label="Pick a colour"
                value={previewColor}
                onInput={(event) => change({ color: event.currentTarget.value })}
                data-testid="inbox-color-picker"
              />
              <input
                id="inbox-color"
                class="input mono"
                spellcheck={false}
                value={form.color}
                onInput={(event) => change({ color: event.currentTarget.value })}
                data-testid="inbox-color"
                {...invalidProps(errors, "color", "color-hint")}
              />
            </div>
            <span id="color-hint" class="field-hint">
              #rrggbb, used for the launcher, header and the visitor's bubbles.
            </span>
            <FieldError errors={errors} path="color" />
          </div>
          <fieldset class="field">
            <legend class="field-label">Position</legend>
            <div class="segmented">
              {(["left", "right"] as const).map((position) => (
                <label key={position} class="segment">
                  <input
                    type="radio"
                    name="position"
                    value={position}
                    checked={form.position === position}
                    onChange={() => change({ position })}
                    data-testid={`inbox-position-${position}`}
                  />
                  Bottom {position}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="inbox-locale">Default language</label>
            <select
              id="inbox-locale"
              class="input"
              value={form.locale}
              onChange={(event) => change({ locale: event.currentTarget.value as WidgetLocale })}
              data-testid="inbox-locale"
            >
              {LANGUAGES.map(({ locale, name }) => (
                <option key={locale} value={locale}>
                  {name}
                </option>
              ))}
            </select>
            <span class="field-hint">Used when the visitor's browser language is none of these.</span>
          </div>
        </section>

        <section class="card" aria-labelledby="greeting-title">
          <h2 id="greeting-title">Greeting</h2>
          <p class="field-hint">The first thing a visitor reads when the chat opens. Leave a language empty to use the built-in greeting.</p>
          {LANGUAGES.map(({ locale, name, example }) => (
            <div class="field" key={locale}>
              <label for={`greeting-${locale}`}>
                {name} <span class="pill">{locale}</span>
              </label>
              <textarea
                id={`greeting-${locale}`}
                class="input"
                rows={2}
                maxLength={600}
                placeholder={example}
                value={form.greeting[locale]}
                onInput={(event) => change({ greeting: { ...form.greeting, [locale]: event.currentTarget.value } })}
                data-testid={`greeting-${locale}`}
                {...invalidProps(errors, `greeting.${locale}`)}
              />
              <FieldError errors={errors} path={`greeting.${locale}`} />
            </div>
          ))}
        </section>

        <section class="card" aria-labelledby="ai-title">
          <h2 id="ai-title">AI answers</h2>
          <fieldset class="choice-list">
            <legend class="visually-hidden">AI mode</legend>
            {AI_MODES.map(({ mode, title, description }) => (
              <label key={mode} class="choice">
                <input type="radio" name="aiMode" value={mode} checked={form.aiMode === mode} onChange={() => change({ aiMode: mode })} data-testid={`ai-mode-${mode}`} />
                <span>
                  <strong>{title}</strong>
                  <span class="field-hint"> {description}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </section>

        <section class="card" aria-labelledby="hours-title">
          <h2 id="hours-title">Availability</h2>
          <BusinessHoursEditor form={form} errors={errors} onChange={change} />
          <div class="field narrow">
            <label for="reply-time">Typical reply time (minutes)</label>
            <input
              id="reply-time"
              class="input"
              inputMode="numeric"
              value={form.replyTimeMinutes}
              onInput={(event) => change({ replyTimeMinutes: event.currentTarget.value })}
              data-testid="reply-time"
              {...invalidProps(errors, "replyTimeMinutes")}
            />
            <FieldError errors={errors} path="replyTimeMinutes" />
          </div>
        </section>

        <section class="card" aria-labelledby="visitors-title">
          <h2 id="visitors-title">Visitors</h2>
          <label class="check">
            <input type="checkbox" checked={form.requireEmail} onChange={(event) => change({ requireEmail: event.currentTarget.checked })} data-testid="require-email" />
            Ask for an email address before the first message
          </label>
        </section>

        <section class="card" aria-labelledby="security-title">
          <h2 id="security-title">Security</h2>
          <OriginsEditor origins={form.allowedOrigins} errors={errors} onChange={(allowedOrigins) => change({ allowedOrigins })} />
          <h3>Identity verification</h3>
          <IdentitySection api={api} inboxId={inbox.id} enforceIdentity={form.enforceIdentity} onChange={(enforceIdentity) => change({ enforceIdentity })} />
        </section>

        <div class="save-bar" data-testid="save-bar">
          <p class="save-status" role="status" data-testid="save-status">
            {save.kind === "saving" && "Saving…"}
            {save.kind === "saved" && "Saved. The storefront's widget shows these settings on its next page load."}
            {save.kind === "idle" && (dirty ? "Unsaved changes" : "All changes saved")}
          </p>
          {(save.kind === "invalid" || save.kind === "failed") && (
            <p class="alert error save-error" role="alert" data-testid="save-error">
              {save.message}
            </p>
          )}
          <div class="save-actions">
            <button
              type="button"
              class="button"
              disabled={!dirty || save.kind === "saving"}
              onClick={() => {
                setForm(saved);
                setServerErrors({});
                setValidateLive(false);
                setSave({ kind: "idle" });
              }}
              data-testid="discard-button"
            >
              Discard
            </button>
            <button type="submit" class="button primary" disabled={!dirty || save.kind === "saving"} data-testid="save-button">
              Save changes
            </button>
          </div>
        </div>
      </form>

      <aside class="side" aria-label="Preview and install">
        <WidgetPreview snippetOptions={{ ...installOptions, color: previewColor, position: form.position }} config={previewConfig} />
        <SnippetPanel options={installOptions} choices={choices} onChoicesChange={setChoices} />
      </aside>
    </div>
  );
}

function focusFirstInvalid(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.editor [aria-invalid="true"]')?.focus());
}
