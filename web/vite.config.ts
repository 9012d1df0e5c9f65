/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";

import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

import { precompress } from "./scripts/precompress";

// `make web-dev` runs this dev server with a proxy to the Django server given in INSUREHUB_API
// (default: `make run`'s http://127.0.0.1:8000). The Host header is kept (no changeOrigin) so
// Django's CSRF origin check and the WebSocket origin check see the page's own origin.
const api = process.env.INSUREHUB_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: {
    host: "127.0.0.1",
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: {
      "/api": { target: api },
      "/ws": { target: api.replace(/^http/, "ws"), ws: true },
    },
  },
  build: {
    outDir: "dist",
    // Everything under /assets/ is content-hashed, so Django (WhiteNoise) serves it as immutable.
    assetsDir: "assets",
    // Inline nothing as data: URLs; fonts and icons are files of our own origin.
    assetsInlineLimit: 0,
    // The shell's chunk holds React, React Router, TanStack Query and Radix (~160 KB gzipped);
    // the budget that matters is the first route's JS under 250 KB gzipped (bench/).
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    restoreMocks: true,
  },
});
