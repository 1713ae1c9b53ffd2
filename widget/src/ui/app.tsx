/** The whole widget as a pure view of the state: launcher, panel, and the announcer for screen readers. */
import { STRINGS } from "../i18n.ts";
import type { Look } from "../look.ts";
import type { Session } from "../session.ts";
import { unreadCount, type WidgetState } from "../state.ts";
import { Launcher } from "./launcher.tsx";
import { Panel } from "./panel.tsx";

const ANNOUNCED_CHARACTERS = 200;

export interface ViewProps {
  state: WidgetState;
  session: Session;
  look: Look;
  /** Closes the panel from inside it (Esc, the close button) and gives focus back to the launcher. */
  onClose: () => void;
  /** True once the panel was opened: it stays in the DOM afterwards, so a draft survives closing. */
  panelMounted: boolean;
}

export function App(props: ViewProps) {
  const { state, look } = props;
  const t = STRINGS[look.locale];
  const announced = state.announcement;
  const from = announced?.senderType === "ai" ? t.assistant : (announced?.senderName ?? t.support);
  return (
    <div
      class={`root ${look.position} ${look.theme}${look.hideLauncher ? " no-launcher" : ""}`}
      lang={look.locale}
      style={{ "--accent": look.accent, "--on-accent": look.onAccent }}
    >
      {!look.hideLauncher && (
        <Launcher t={t} open={state.open} unread={unreadCount(state)} text={look.launcherText} session={props.session} />
      )}
      {props.panelMounted && <Panel {...props} t={t} />}
      <div class="sr" role="status" aria-live="polite" data-testid="hummdesk-announcer">
        {announced && `${from}: ${announced.content.slice(0, ANNOUNCED_CHARACTERS)}`}
      </div>
    </div>
  );
}
