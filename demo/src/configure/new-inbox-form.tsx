/** Creates a web-chat inbox from a name and the site it serves (the rest is configured afterwards). */
import type { Inbox } from "@hummdesk/shared";
import { useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";

export interface NewInboxFormProps {
  api: ApiClient;
  onCreated(inbox: Inbox): void;
  onCancel(): void;
}

export function NewInboxForm({ api, onCreated, onCancel }: NewInboxFormProps) {
  const [name, setName] = useState("");
  const [websiteUrl, setWebsiteUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!name.trim()) return setError("Give the inbox a name.");
    let origin: string | null = null;
    if (websiteUrl.trim()) {
      try {
        origin = new URL(websiteUrl.trim()).origin;
      } catch {
        return setError("The website address needs its scheme, e.g. https://www.example.fi");
      }
    }
    setBusy(true);
    setError(null);
    try {
      const { inbox } = await api.createInbox({
        name: name.trim(),
        ...(origin ? { websiteUrl: websiteUrl.trim(), allowedOrigins: [origin] } : {}),
      });
      onCreated(inbox);
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  }

  return (
    <form class="card new-inbox" onSubmit={submit} data-testid="new-inbox-form" aria-labelledby="new-inbox-title">
      <h2 id="new-inbox-title">New inbox</h2>
      <div class="new-inbox-fields">
        <div class="field">
          <label for="new-inbox-name">Name</label>
          <input id="new-inbox-name" class="input" value={name} onInput={(event) => setName(event.currentTarget.value)} data-testid="new-inbox-name" />
        </div>
        <div class="field">
          <label for="new-inbox-url">Website (optional)</label>
          <input
            id="new-inbox-url"
            class="input"
            inputMode="url"
            placeholder="https://www.example.fi"
            value={websiteUrl}
            onInput={(event) => setWebsiteUrl(event.currentTarget.value)}
            data-testid="new-inbox-url"
          />
        </div>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="save-actions">
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button primary" disabled={busy} data-testid="new-inbox-create">
          Create inbox
        </button>
      </div>
    </form>
  );
}
