/** Opening hours per weekday in one time zone; outside them the widget says replies come later. */
import { useMemo } from "preact/hooks";
import { FieldError, invalidProps } from "./field-error.tsx";
import { type DayHours, type FieldErrors, type InboxForm, WEEKDAYS, type Weekday } from "./inbox-form.ts";

export interface BusinessHoursEditorProps {
  form: InboxForm;
  errors: FieldErrors;
  onChange(changes: Partial<InboxForm>): void;
}

export function BusinessHoursEditor({ form, errors, onChange }: BusinessHoursEditorProps) {
  const timeZones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const setDay = (day: Weekday, changes: Partial<DayHours>) => onChange({ days: { ...form.days, [day]: { ...form.days[day], ...changes } } });

  return (
    <div>
      <label class="check">
        <input
          type="checkbox"
          checked={form.hoursEnabled}
          onChange={(event) => onChange({ hoursEnabled: event.currentTarget.checked })}
          data-testid="hours-enabled"
        />
        Use business hours <span class="field-hint">(off: the chat is always staffed)</span>
      </label>
      {form.hoursEnabled && (
        <>
          <div class="field">
            <label for="hours-timezone">Time zone</label>
            <input
              id="hours-timezone"
              class="input"
              list="time-zones"
              value={form.timezone}
              onInput={(event) => onChange({ timezone: event.currentTarget.value })}
              data-testid="hours-timezone"
              {...invalidProps(errors, "businessHours.timezone")}
            />
            <datalist id="time-zones">
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FieldError errors={errors} path="businessHours.timezone" />
          </div>
          <table class="hours-table">
            <caption class="visually-hidden">Opening hours per weekday</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Open</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map(({ day, name }) => {
                const hours = form.days[day];
                const path = `businessHours.days.${day}`;
                return (
                  <tr key={day} data-testid={`hours-day-${day}`}>
                    <th scope="row">
                      {name}
                      <FieldError errors={errors} path={path} />
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Open on ${name}`}
                        checked={hours.open}
                        onChange={(event) => setDay(day, { open: event.currentTarget.checked })}
                        data-testid={`hours-day-${day}-open`}
                      />
                    </td>
                    <td>
                      <input
                        type="time"
                        class="input"
                        aria-label={`${name} opens`}
                        disabled={!hours.open}
                        value={hours.opens}
                        onInput={(event) => setDay(day, { opens: event.currentTarget.value })}
                        data-testid={`hours-day-${day}-opens`}
                        {...invalidProps(errors, path)}
                      />
                    </td>
                    <td>
                      <input
                        type="time"
                        class="input"
                        aria-label={`${name} closes`}
                        disabled={!hours.open}
                        value={hours.closes}
                        onInput={(event) => setDay(day, { closes: event.currentTarget.value })}
                        data-testid={`hours-day-${day}-closes`}
                        {...invalidProps(errors, path)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
