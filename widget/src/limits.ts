/** Limits the server enforces too (shared/src/widget-api.ts); copied because the widget imports no runtime from shared. */
export const MAX_MESSAGE_LENGTH = 5000;
