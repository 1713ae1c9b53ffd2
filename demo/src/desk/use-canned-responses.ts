/** The account's canned responses for the composer: loaded once per account, reloaded on demand. */
import type { CannedResponse } from "@hummdesk/shared";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type ApiClient, describeError } from "../api-client.ts";

export interface CannedResponses {
  responses: readonly CannedResponse[];
  status: "loading" | "ready" | "failed";
  error: string | null;
  reload(): void;
}

export function useCannedResponses(api: ApiClient): CannedResponses {
  const [responses, setResponses] = useState<readonly CannedResponse[]>([]);
  const [status, setStatus] = useState<CannedResponses["status"]>("loading");
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const accountId = api.accountId;

  const reload = useCallback(() => {
    const mine = ++request.current;
    if (accountId === null) {
      setResponses([]);
      setStatus("ready");
      return;
    }
    setStatus("loading");
    setError(null);
    api
      .listCannedResponses()
      .then(({ cannedResponses }) => {
        if (mine !== request.current) return;
        setResponses(cannedResponses);
        setStatus("ready");
      })
      .catch((failure) => {
        if (mine !== request.current) return;
        setError(`Could not load canned responses: ${describeError(failure)}`);
        setStatus("failed");
      });
  }, [api, accountId]);

  useEffect(reload, [reload]);

  return { responses, status, error, reload };
}
