/** The desk's alerts as the browser delivers them: a short WebAudio beep, a desktop notification
 * once the agent allowed them (asked only from a button, never on load), and a mute switch kept in
 * localStorage. Whether an event alerts at all is decided in notification-policy.ts. */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { DeskAlert } from "./notification-policy.ts";

export const MUTED_STORAGE_KEY = "hummdesk.desk.muted";

export type DesktopPermission = NotificationPermission | "unsupported";

export interface DeskAlerts {
  muted: boolean;
  toggleMuted(): void;
  desktopPermission: DesktopPermission;
  enableDesktop(): Promise<void>;
  /** Beeps and shows the notification; `onOpen` runs when the agent clicks it. */
  deliver(alert: DeskAlert, onOpen: () => void): void;
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_STORAGE_KEY) === "true";
  } catch {
    return false; // storage blocked: alerts stay on, which is the safe side for support
  }
}

function currentPermission(): DesktopPermission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

let audio: AudioContext | null = null;

/** Browsers start audio suspended until the page had a user gesture; any click or key unlocks it. */
function unlockAudio() {
  if (typeof AudioContext === "undefined") return;
  audio ??= new AudioContext();
  if (audio.state === "suspended") void audio.resume().catch(() => undefined);
}

/** Two short rising tones, quiet enough not to startle: no audio file to download. */
function beep() {
  if (audio?.state !== "running") return;
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 660],
    [0.12, 880],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.11);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.12);
  }
}

export function useDeskAlerts(): DeskAlerts {
  const [muted, setMuted] = useState(readMuted);
  const [desktopPermission, setDesktopPermission] = useState<DesktopPermission>(currentPermission);
  const permissionRef = useRef(desktopPermission);
  permissionRef.current = desktopPermission;

  useEffect(() => {
    const unlock = () => unlockAudio();
    addEventListener("pointerdown", unlock, { once: true });
    addEventListener("keydown", unlock, { once: true });
    return () => {
      removeEventListener("pointerdown", unlock);
      removeEventListener("keydown", unlock);
    };
  }, []);

  const toggleMuted = useCallback(() => {
    setMuted((was) => {
      try {
        localStorage.setItem(MUTED_STORAGE_KEY, String(!was));
      } catch {
        // not kept across reloads, still muted now
      }
      return !was;
    });
  }, []);

  const enableDesktop = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    setDesktopPermission(await Notification.requestPermission());
  }, []);

  const deliver = useCallback((alert: DeskAlert, onOpen: () => void) => {
    beep();
    if (permissionRef.current !== "granted") return;
    // One notification per conversation: a newer message replaces the older one.
    const notification = new Notification(alert.title, { body: alert.body, tag: `hummdesk-conversation-${alert.conversationId}` });
    notification.onclick = () => {
      window.focus();
      onOpen();
      notification.close();
    };
  }, []);

  return { muted, toggleMuted, desktopPermission, enableDesktop, deliver };
}
