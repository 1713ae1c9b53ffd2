/** The current account's name in the header; for an agent of several accounts a disclosure that lists
 * them with the agent's role in each and switches to the one picked. */
import type { Role } from "@hummdesk/shared";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { AccountMembership } from "../api-client.ts";

const ROLE_LABELS: Record<Role, string> = { administrator: "Administrator", supervisor: "Supervisor", agent: "Agent" };

export interface AccountSwitcherProps {
  accounts: readonly AccountMembership[];
  current: AccountMembership;
  onChoose(account: AccountMembership): void;
  /** Right after a switch the desk is drawn anew: the focus comes back here, where it was. */
  autoFocus: boolean;
}

export function AccountSwitcher({ accounts, current, onChoose, autoFocus }: AccountSwitcherProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (autoFocus) button.current?.focus();
  }, [autoFocus]);

  // A layout effect: the focus and the key handling are in place as the list renders, before the
  // next key arrives (an ArrowDown typed right after Enter must not reach the closed button).
  useLayoutEffect(() => {
    const element = root.current;
    if (!open || !element) return;
    element.querySelector<HTMLElement>('[aria-current="true"]')?.focus();
    const closeOutside = (event: Event) => {
      if (!element.contains(event.target as Node)) setOpen(false);
    };
    const closeOnLeave = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Handled here, so the desk's own shortcuts leave these keys alone.
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false);
        button.current?.focus();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const items = [...element.querySelectorAll<HTMLElement>(".account-option")];
        const at = items.indexOf(document.activeElement as HTMLElement);
        const step = event.key === "ArrowDown" ? 1 : -1;
        items[(at + step + items.length) % items.length]?.focus();
      }
    };
    addEventListener("pointerdown", closeOutside);
    element.addEventListener("focusout", closeOnLeave);
    element.addEventListener("keydown", onKeyDown);
    return () => {
      removeEventListener("pointerdown", closeOutside);
      element.removeEventListener("focusout", closeOnLeave);
      element.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  if (accounts.length < 2) {
    return (
      <span class="pill account-pill" data-testid="account-name">
        {current.name}
      </span>
    );
  }

  return (
    <div class="account-switcher" ref={root}>
      <button
        type="button"
        ref={button}
        class="button small account-button"
        aria-expanded={open}
        aria-controls="account-list"
        onClick={() => setOpen(!open)}
        data-testid="account-switcher"
      >
        <span class="visually-hidden">Account: </span>
        <span data-testid="account-name">{current.name}</span>
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M6 9l6 6 6-6" />
        </svg>
      </button>
      {open && (
        <ul id="account-list" class="account-list" aria-label="Switch account" data-testid="account-list">
          {accounts.map((account) => (
            <li key={account.id}>
              <button
                type="button"
                class="account-option"
                aria-current={account.id === current.id ? "true" : undefined}
                onClick={() => {
                  setOpen(false);
                  if (account.id === current.id) button.current?.focus();
                  else onChoose(account);
                }}
                data-testid={`account-option-${account.subdomain}`}
              >
                <span class="account-option-name">{account.name}</span>
                <span class="account-option-role">{ROLE_LABELS[account.role]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
