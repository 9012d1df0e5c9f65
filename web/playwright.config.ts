import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";

/**
 * Browser tests against a REAL server: scripts/e2e-server.sh starts the shipped server once for the
 * whole run on a free port, on a fresh copy of a database seeded by `manage.py seed_demo`, serving
 * the built app (web/dist: `make web` first, or run them with `make e2e`).
 *
 * The browser is Debian's Chromium (Playwright's own download is not reachable from here); set
 * CHROMIUM to use another binary.
 */
function freePort(): string {
  return execFileSync("python3", [
    "-c",
    "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
  ])
    .toString()
    .trim();
}

// Chosen once in the main process; the workers inherit it through the environment.
process.env.E2E_PORT ??= freePort();
const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}: install Debian's chromium (make e2e does) or set CHROMIUM.`);
}
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "./e2e",
  // Per run (port): Playwright empties its output folder when it starts, and several runs may
  // share this checkout.
  outputDir: `test-results/run-${port}`,
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: `playwright-report/run-${port}` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: isRoot ? ["--no-sandbox"] : [],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: "bash ../scripts/e2e-server.sh",
    url: `${baseURL}/healthz`,
    // The first run of a code version migrates and seeds a template database: minutes on a busy machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: port },
  },
});
