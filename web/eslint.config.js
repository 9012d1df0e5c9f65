// Lint rules for the web app. Beyond the usual TypeScript and React rules, this file holds the
// Bulletproof React boundaries (import-x/no-restricted-paths):
//   - a feature never imports another feature (compose them in src/app instead);
//   - features never import src/app;
//   - shared code (src/components, src/lib, src/testing) imports neither features nor src/app.
// Every directory under src/features gets its own zone automatically.
import { readdirSync } from "node:fs";

import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import globals from "globals";
import tseslint from "typescript-eslint";

const features = readdirSync(new URL("./src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`],
    message: "Features do not import each other: compose them in src/app.",
  })),
  {
    target: "./src/features",
    from: "./src/app",
    message: "Features do not import the app layer.",
  },
  {
    target: ["./src/components", "./src/lib", "./src/testing"],
    from: ["./src/features", "./src/app"],
    message: "Shared code does not depend on features or the app layer.",
  },
];

export default tseslint.config(
  {
    ignores: ["dist", "node_modules", "test-results", "playwright-report", "src/lib/api/schema.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.json", "./tsconfig.node.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: boundaries }],
      "import-x/no-cycle": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-globals": [
        "error",
        { name: "localStorage", message: "No tokens or session data in localStorage: keep them in memory." },
        { name: "sessionStorage", message: "No tokens or session data in sessionStorage: keep them in memory." },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks, "react-refresh": reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-refresh/only-export-components": ["error", { allowConstantExport: true }],
    },
  },
  {
    files: ["src/**/*.test.{ts,tsx}", "src/testing/**"],
    rules: { "react-refresh/only-export-components": "off" },
  },
  {
    files: ["*.config.{ts,js}", "scripts/**", "e2e/**"],
    languageOptions: { globals: globals.node },
  },
);
