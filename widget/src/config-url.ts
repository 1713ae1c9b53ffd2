/** The inbox's config address. The snippet preloads it and widget.js reads it: the two must be the
 * very same URL, or the browser fetches the config twice (the loader's copy is in LOADER_SCRIPT). */
export const inboxConfigUrl = (baseUrl: string, websiteToken: string) =>
  `${baseUrl.replace(/\/+$/, "")}/widget/v1/inboxes/${encodeURIComponent(websiteToken)}/config`;
