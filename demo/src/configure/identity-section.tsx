/** Identity verification: the enforce switch, the inbox secret revealed on request, and how a server signs an identifier. */
import { useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";
import { CodeBlock } from "../ui/code-block.tsx";
import { CopyButton } from "../ui/copy-button.tsx";

export interface IdentitySectionProps {
  api: ApiClient;
  inboxId: number;
  enforceIdentity: boolean;
  onChange(enforceIdentity: boolean): void;
}

const SERVER_EXAMPLE = `// On your server (Node.js), for the signed-in customer:
import crypto from "node:crypto";

const secret = process.env.HUMMDESK_IDENTITY_SECRET; // the inbox secret, never sent to browsers
const identifier = String(customer.id);              // a stable id of your user
const identifierHash = crypto.createHmac('sha256', secret).update(identifier).digest('hex');`;

const PAGE_EXAMPLE = `<!-- In the page, after the HummDesk snippet -->
<script>
  HummDesk("identify", {
    identifier: "12345",
    identifierHash: "<identifierHash from your server>",
    name: "Maija Meikäläinen",
    email: "maija@example.fi"
  });
</script>`;

export function IdentitySection({ api, inboxId, enforceIdentity, onChange }: IdentitySectionProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function reveal() {
    setLoading(true);
    setError(null);
    try {
      setSecret((await api.getInboxSecret(inboxId)).hmacSecret);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setLoading(false);
    }
  }

  return (
    <div>
      <label class="check">
        <input
          type="checkbox"
          checked={enforceIdentity}
          onChange={(event) => onChange(event.currentTarget.checked)}
          data-testid="enforce-identity"
        />
        Require verified identity
      </label>
      <p class="field-hint">
        When on, the widget accepts an <code>identify</code> call only with an <code>identifierHash</code>: the HMAC-SHA256 of the identifier
        with this inbox's secret, computed on your server. Anyone can claim an identifier; only your server can sign one.
      </p>
      <div class="secret-box">
        {secret === null ? (
          <button type="button" class="button small" onClick={reveal} disabled={loading} data-testid="secret-reveal">
            {loading ? "Loading…" : "Show inbox secret"}
          </button>
        ) : (
          <div data-testid="secret-panel">
            <p class="alert warning">Copy the secret into your server's configuration now; it is hidden again when you leave this page.</p>
            <div class="secret-row">
              <code class="secret-value" data-testid="secret-value">
                {secret}
              </code>
              <CopyButton text={secret} label="Copy secret" testId="secret-copy" />
              <button type="button" class="button small" onClick={() => setSecret(null)} data-testid="secret-hide">
                Hide
              </button>
            </div>
          </div>
        )}
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <h3>Computing the hash</h3>
      <CodeBlock code={SERVER_EXAMPLE} testId="identity-server-example" />
      <CodeBlock code={PAGE_EXAMPLE} />
    </div>
  );
}
