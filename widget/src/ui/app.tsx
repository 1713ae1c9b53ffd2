/** The chat as a pure view of the state: the panel, and the announcer for screen readers. */
import type { Strings } from "../i18n.ts";
import type { Look } from "../look.ts";
import type { Session } from "../session.ts";
import type { WidgetState } from "../state.ts";
import { Panel } from "./panel.tsx";

const ANNOUNCED_CHARACTERS = 200;
const PREVIEW_CHARACTERS = 120;

export interface ViewProps {
  state: WidgetState;
  session: Session;
  look: Look;
  t: Strings;
  /** Closes the panel from inside it (Esc, the close button) and gives focus back to the launcher. */
  onClose: () => void;
  /** True once the panel was opened: it stays in the DOM afterwards, so a draft survives closing. */
  panelMounted: boolean;
}

export function App(props: ViewProps) {
  const { state, t } = props;
  const announced = state.announcement;
  const from = announced?.senderType === "ai" ? t.assistant : (announced?.senderName ?? t.support);
  // The latest unread reply, beside the closed launcher, so the visitor sees it without opening.
  const unread = state.open ? [] : state.messages.filter((m) => m.id > state.lastSeenId && (m.senderType === "agent" || m.senderType === "ai"));
  const preview = unread[unread.length - 1];
  const previewFrom = preview?.senderType === "ai" ? t.assistant : (preview?.senderName ?? t.support);
  return (
    <>
      {preview && !props.look.hideLauncher && (
        <button type="button" class="preview" data-testid="hummdesk-preview" onClick={props.session.open}>
          <span class="meta">{previewFrom}</span>
          <span>{preview.content.length > PREVIEW_CHARACTERS ? `${preview.content.slice(0, PREVIEW_CHARACTERS)}…` : preview.content}</span>
        </button>
      )}
      {props.panelMounted && <Panel {...props} />}
      <div class="sr" role="status" aria-live="polite" data-testid="hummdesk-announcer">
        {announced && `${from}: ${announced.content.slice(0, ANNOUNCED_CHARACTERS)}`}
      </div>
    </>
  );
}
