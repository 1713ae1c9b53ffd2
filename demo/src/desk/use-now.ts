/** The current time, re-read every `intervalMs`, for countdowns and "4 min ago" labels. */
import { useEffect, useState } from "preact/hooks";

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
