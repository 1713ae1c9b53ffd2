/** The sign-in form both staff pages show, with the demo account pre-filled. */
import { useState } from "preact/hooks";
import { describeError } from "../api-client.ts";
import { Brand } from "./brand.tsx";

export interface SignInFormProps {
  product: string;
  defaultEmail: string;
  passwordHint: string;
  notice: string | null;
  onSignIn(email: string, password: string): Promise<void>;
}

export function SignInForm({ product, defaultEmail, passwordHint, notice, onSignIn }: SignInFormProps) {
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSignIn(email.trim(), password);
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <Brand product={product} />
      <form class="card" onSubmit={submit} data-testid="sign-in-form" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        {notice && !error && <p class="alert warning">{notice}</p>}
        {error && (
          <p class="alert error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <div class="field">
          <label for="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            class="input"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
            data-testid="sign-in-email"
          />
        </div>
        <div class="field">
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            class="input"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            aria-describedby="sign-in-password-hint"
            onInput={(event) => setPassword(event.currentTarget.value)}
            data-testid="sign-in-password"
          />
          <span id="sign-in-password-hint" class="field-hint">
            {passwordHint}
          </span>
        </div>
        <button class="button primary" type="submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
