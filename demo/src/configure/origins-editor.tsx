/** The allowed-origins list: one origin per row, rows added and removed, each with its own error. */
import { FieldError, invalidProps } from "./field-error.tsx";
import type { FieldErrors } from "./inbox-form.ts";

export interface OriginsEditorProps {
  origins: string[];
  errors: FieldErrors;
  onChange(origins: string[]): void;
}

export function OriginsEditor({ origins, errors, onChange }: OriginsEditorProps) {
  const update = (index: number, value: string) => onChange(origins.map((origin, i) => (i === index ? value : origin)));
  return (
    <fieldset class="subsection">
      <legend class="field-label">Allowed origins</legend>
      <p class="field-hint" id="origins-hint">
        Sites that may load this chat, as <code>https://host[:port]</code>. The server refuses the widget's requests and socket from any other
        origin. Leave the list empty to allow every origin.
      </p>
      <ul class="origin-list" data-testid="origin-list">
        {origins.map((origin, index) => (
          <li key={index}>
            <div class="origin-row">
              <label class="visually-hidden" for={`origin-${index}`}>
                Origin {index + 1}
              </label>
              <input
                id={`origin-${index}`}
                class="input"
                type="text"
                inputMode="url"
                spellcheck={false}
                placeholder="https://www.example.fi"
                value={origin}
                onInput={(event) => update(index, event.currentTarget.value)}
                data-testid={`origin-input-${index}`}
                {...invalidProps(errors, `allowedOrigins.${index}`, "origins-hint")}
              />
              <button
                type="button"
                class="button small danger"
                onClick={() => onChange(origins.filter((_, i) => i !== index))}
                data-testid={`origin-remove-${index}`}
              >
                Remove<span class="visually-hidden"> origin {index + 1}</span>
              </button>
            </div>
            <FieldError errors={errors} path={`allowedOrigins.${index}`} />
          </li>
        ))}
      </ul>
      <FieldError errors={errors} path="allowedOrigins" />
      <button type="button" class="button small" onClick={() => onChange([...origins, ""])} data-testid="origin-add">
        Add origin
      </button>
    </fieldset>
  );
}
