/** Builds the three demo pages (storefront, configurator, desk) that the server serves from demo/dist. */
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The server serves `/configure` and `/desk`; let the dev server answer the same paths. */
function cleanPageUrls(): Plugin {
  return {
    name: "hummdesk-clean-page-urls",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split("?")[0];
        if (path === "/configure" || path === "/desk") req.url = `${path}.html${req.url?.slice(path.length) ?? ""}`;
        next();
      });
    },
  };
}

export default defineConfig({
  base: "/",
  appType: "mpa",
  plugins: [cleanPageUrls()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: page("./index.html"),
        configure: page("./configure.html"),
        desk: page("./desk.html"),
      },
    },
  },
  server: {
    // `pnpm --filter @hummdesk/demo exec vite` against a server on :3000 (`pnpm start`).
    proxy: {
      "/api": { target: "http://localhost:3000", ws: true },
      "/widget": { target: "http://localhost:3000", ws: true },
      "/docs": "http://localhost:3000",
    },
  },
});
