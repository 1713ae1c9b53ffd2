/** The wire contract between widget, server and demo: zod schemas and the types inferred from them. */
export * from "./agent-api.ts";
export * from "./domain.ts";
export * from "./enums.ts";
export * from "./errors.ts";
export * from "./realtime.ts";
export * from "./text.ts";
export * from "./widget-api.ts";
