/** The agent's own availability: online agents get new conversations, busy and offline ones do not. */
import type { Availability } from "@hummdesk/shared";
import { AVAILABILITY_LABELS, AVAILABILITY_ORDER } from "./labels.ts";

export interface AvailabilitySwitchProps {
  value: Availability | null;
  busy: boolean;
  onChange(availability: Availability): void;
}

export function AvailabilitySwitch({ value, busy, onChange }: AvailabilitySwitchProps) {
  return (
    <fieldset class="availability" data-testid="availability-switch" data-value={value ?? ""} disabled={busy || value === null}>
      <legend class="visually-hidden">Your availability</legend>
      {AVAILABILITY_ORDER.map((availability) => (
        <label key={availability} class={`availability-option ${availability}`}>
          <input
            type="radio"
            name="availability"
            value={availability}
            checked={value === availability}
            onChange={() => onChange(availability)}
            data-testid={`availability-${availability}`}
          />
          <span class="availability-dot" aria-hidden="true" />
          {AVAILABILITY_LABELS[availability]}
        </label>
      ))}
    </fieldset>
  );
}
