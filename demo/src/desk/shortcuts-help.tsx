/** The small dialog `?` opens: every desk shortcut and what it does. */
import { useEffect, useRef } from "preact/hooks";
import { SHORTCUTS } from "./shortcuts.ts";

export interface ShortcutsHelpProps {
  open: boolean;
  onClose(): void;
}

export function ShortcutsHelp({ open, onClose }: ShortcutsHelpProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  // A modal <dialog> traps focus, closes on Escape and gives focus back to where it was.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} class="small-dialog shortcuts-help" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-help">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl class="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key} class="shortcut-row">
            <dt>
              <kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
        <div class="shortcut-row">
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>In the reply box: pick a canned response</dd>
        </div>
        <div class="shortcut-row">
          <dt>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </dt>
          <dd>In the reply box: send</dd>
        </div>
      </dl>
      <p class="shortcut-note">Shortcuts pause while you type in a field.</p>
      <form method="dialog">
        <button type="submit" class="button primary" data-testid="shortcuts-close">
          Close
        </button>
      </form>
    </dialog>
  );
}
