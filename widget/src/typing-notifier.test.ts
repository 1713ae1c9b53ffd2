import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createTypingNotifier } from "./typing-notifier.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function notifier() {
  const sent: boolean[] = [];
  const typing = createTypingNotifier({ send: (on) => sent.push(on), timers: globalThis, now: Date.now });
  return { typing, sent };
}

it("sends 'on' once for a burst of keystrokes, and 'off' after a pause", () => {
  const { typing, sent } = notifier();
  for (let i = 0; i < 10; i++) {
    typing.typed(true);
    vi.advanceTimersByTime(100);
  }
  expect(sent).toEqual([true]);
  vi.advanceTimersByTime(4000);
  expect(sent).toEqual([true, false]);
});

it("repeats 'on' every few seconds of steady typing", () => {
  const { typing, sent } = notifier();
  for (let i = 0; i < 70; i++) {
    typing.typed(true);
    vi.advanceTimersByTime(100);
  }
  expect(sent).toEqual([true, true, true]);
});

it("sends 'off' at once when the message is sent, and nothing when not typing", () => {
  const { typing, sent } = notifier();
  typing.typed(false);
  typing.typed(true);
  typing.typed(false);
  vi.advanceTimersByTime(10_000);
  expect(sent).toEqual([true, false]);
});
