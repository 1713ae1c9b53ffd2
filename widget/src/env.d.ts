/** Lets TypeScript see Vite's `?inline` CSS imports. */
/// <reference types="vite/client" />
