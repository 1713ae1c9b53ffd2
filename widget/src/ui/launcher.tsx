/** The round button that opens and closes the chat, with the unread count. */
import type { Strings } from "../i18n.ts";
import type { Session } from "../session.ts";
import { ChatIcon, CloseIcon } from "./icons.tsx";

export function Launcher(props: { t: Strings; open: boolean; unread: number; text: string | null; session: Session }) {
  const { t, open, unread, text } = props;
  const badge = unread > 0 && !open;
  const name = open ? t.closeChat : (text ?? t.openChat);
  return (
    <button
      part="launcher"
      class="launcher"
      type="button"
      aria-label={badge ? `${name}, ${unread} ${t.unread}` : name}
      aria-expanded={open}
      data-testid="hummdesk-launcher"
      onClick={() => (open ? props.session.close() : props.session.open())}
    >
      {open ? <CloseIcon /> : <ChatIcon />}
      {text && !open && <span>{text}</span>}
      {badge && (
        <span part="badge" class="badge" aria-hidden="true" data-testid="hummdesk-unread">
          {unread}
        </span>
      )}
    </button>
  );
}
