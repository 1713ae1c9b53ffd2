/** Ties an input to its error message: ids, aria attributes and the message next to the field. */
import type { FieldErrors } from "./inbox-form.ts";

/** "allowedOrigins.1" -> "allowedOrigins-1", usable in ids and test ids. */
export const fieldKey = (path: string) => path.replace(/\./g, "-");

export function invalidProps(errors: FieldErrors, path: string, hintId?: string) {
  const error = errors[path];
  const describedBy = [error ? `error-${fieldKey(path)}` : null, hintId ?? null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? ("true" as const) : undefined, "aria-describedby": describedBy || undefined };
}

export function FieldError({ errors, path }: { errors: FieldErrors; path: string }) {
  const error = errors[path];
  if (!error) return null;
  return (
    <p class="field-error" id={`error-${fieldKey(path)}`} data-testid={`field-error-${fieldKey(path)}`}>
      {error}
    </p>
  );
}
