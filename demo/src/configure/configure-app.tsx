/** The merchant configurator: sign in as an administrator, pick an inbox, edit and save its widget. */
import type { Inbox } from "@hummdesk/shared";
import { useEffect, useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";
import { Brand } from "../ui/brand.tsx";
import { SignInForm } from "../ui/sign-in-form.tsx";
import { useSession } from "../ui/use-session.ts";
import { ArticlesScreen } from "./articles-screen.tsx";
import { InboxEditor } from "./inbox-editor.tsx";
import { NewInboxForm } from "./new-inbox-form.tsx";

/** The inbox the storefront's snippet names: chosen first when it exists. */
const DEMO_WEBSITE_TOKEN = "krauta-storefront-demo";

export function ConfigureApp() {
  const session = useSession("hummdesk.configure.session");
  const { state } = session;
  if (state.phase === "checking") return <p class="loading">Loading…</p>;
  if (state.phase === "signedOut") {
    return (
      <SignInForm
        product="Configurator"
        defaultEmail="admin@k-rauta.example"
        passwordHint="demo: hummdesk-admin"
        notice={state.notice}
        onSignIn={session.signIn}
      />
    );
  }
  return <Workspace api={session.api} userName={state.user.name} onSignOut={session.signOut} />;
}

interface WorkspaceProps {
  api: ApiClient;
  userName: string;
  onSignOut(): Promise<void>;
}

function Workspace({ api, userName, onSignOut }: WorkspaceProps) {
  const [inboxes, setInboxes] = useState<Inbox[] | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [screen, setScreen] = useState<"widget" | "articles">("widget");
  const account = api.accounts.find((candidate) => candidate.id === api.accountId);

  useEffect(() => {
    api
      .listInboxes()
      .then(({ inboxes: loaded }) => {
        setInboxes(loaded);
        const preferred = loaded.find((inbox) => inbox.websiteToken === DEMO_WEBSITE_TOKEN) ?? loaded[0];
        setSelectedId(preferred?.id ?? null);
      })
      .catch((failure) => setError(describeError(failure)));
  }, [api]);

  const selected = inboxes?.find((inbox) => inbox.id === selectedId) ?? null;
  const replace = (inbox: Inbox) => setInboxes((current) => (current ?? []).map((item) => (item.id === inbox.id ? inbox : item)));

  return (
    <>
      <header class="app-header">
        <a class="brand-link" href="/configure">
          <Brand product="Configurator" />
        </a>
        {account && <span class="pill">{account.name}</span>}
        {inboxes && inboxes.length > 0 && (
          <label class="inbox-picker">
            <span>Inbox</span>
            <select
              class="input inline"
              value={selectedId ?? ""}
              onChange={(event) => setSelectedId(Number(event.currentTarget.value))}
              data-testid="inbox-select"
            >
              {inboxes.map((inbox) => (
                <option key={inbox.id} value={inbox.id}>
                  {inbox.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="button small" onClick={() => setCreating(!creating)} aria-expanded={creating} data-testid="new-inbox-button">
          New inbox
        </button>
        <button
          type="button"
          class="button small"
          aria-pressed={screen === "articles"}
          onClick={() => setScreen(screen === "articles" ? "widget" : "articles")}
          data-testid="articles-button"
        >
          {screen === "articles" ? "Widget settings" : "Knowledge base"}
        </button>
        <span class="spacer" />
        <a class="header-link" href="/desk">
          Agent desk
        </a>
        <a class="header-link" href="/">
          Storefront
        </a>
        <span class="user-name">{userName}</span>
        <button type="button" class="button small" onClick={onSignOut} data-testid="sign-out">
          Sign out
        </button>
      </header>
      <main class="configure-main">
        {screen === "articles" && <ArticlesScreen api={api} />}
        {screen === "widget" && creating && (
          <NewInboxForm
            api={api}
            onCreated={(inbox) => {
              setInboxes((current) => [...(current ?? []), inbox]);
              setSelectedId(inbox.id);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
        {screen === "widget" && error && (
          <p class="alert error" role="alert">
            Could not load the inboxes: {error}
          </p>
        )}
        {screen === "widget" && !error && inboxes === null && <p class="loading">Loading inboxes…</p>}
        {screen === "widget" && inboxes?.length === 0 && !creating && <p class="card">This account has no inbox yet. Create one with “New inbox”.</p>}
        {screen === "widget" && selected && (
          <>
            <h1 class="page-title">
              {selected.name} <span class="field-hint">website token <code data-testid="website-token">{selected.websiteToken}</code></span>
            </h1>
            <InboxEditor key={selected.id} api={api} inbox={selected} onSaved={replace} />
          </>
        )}
      </main>
    </>
  );
}
