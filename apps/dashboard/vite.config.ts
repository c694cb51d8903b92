// The page is built into dist/public, which the dashboard's server serves as fixed files.
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  publicDir: "public",
  build: {
    outDir: "../dist/public",
    emptyOutDir: true,
    // No inline scripts or styles: the server's CSP allows only files from 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    host: "127.0.0.1",
    // `pnpm dev` serves the page with hot reload and sends /api to a running dashboard server.
    proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 4030}` },
  },
});
