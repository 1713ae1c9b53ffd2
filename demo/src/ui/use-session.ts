/** One signed-in session per page: the API client, whether someone is signed in, and sign in/out. */
import { useEffect, useMemo, useState } from "preact/hooks";
import { type ApiClient, createApiClient, type SignedInUser } from "../api-client.ts";

export type SessionState =
  | { phase: "checking" }
  | { phase: "signedOut"; notice: string | null }
  | { phase: "signedIn"; user: SignedInUser };

export interface Session {
  api: ApiClient;
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** The session ended elsewhere (the socket could not refresh it): back to the sign-in form. */
  expire(): void;
}

export function useSession(storageKey: string): Session {
  const [state, setState] = useState<SessionState>({ phase: "checking" });
  const api = useMemo(
    () =>
      createApiClient({
        storageKey,
        onSignedOut: () => setState({ phase: "signedOut", notice: "Your session has ended. Sign in again." }),
      }),
    [storageKey],
  );

  useEffect(() => {
    // A reload keeps the refresh token (sessionStorage) but not the access token (memory): trade one for the other.
    if (!api.hasStoredSession) {
      setState({ phase: "signedOut", notice: null });
      return;
    }
    api
      .resume()
      .then((resumed) => setState(resumed && api.user ? { phase: "signedIn", user: api.user } : { phase: "signedOut", notice: null }))
      .catch(() => setState({ phase: "signedOut", notice: "Could not reach the server to restore your session. Sign in again." }));
  }, [api]);

  return {
    api,
    state,
    async signIn(email, password) {
      const tokens = await api.login(email, password);
      setState({ phase: "signedIn", user: tokens.user });
    },
    async signOut() {
      await api.logout();
      setState({ phase: "signedOut", notice: null });
    },
    expire() {
      setState({ phase: "signedOut", notice: "Your session has ended. Sign in again." });
    },
  };
}
