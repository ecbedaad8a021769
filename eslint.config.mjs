import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// Layers point down: app → features → server / ui / lib (docs/decisions/020-layers-settings-and-formatting.md).
const GENERATED_CLIENT = { group: ["**/server/db/generated/*"], message: "Import the database through server/db/client.ts." };
const restrictImports = (...patterns) => ["error", { patterns: [GENERATED_CLIENT, ...patterns] }];
const FEATURES = {
  group: ["@/features/*", "**/features/*"],
  message: "server/, ui/ and lib/ sit below the features: pass what they need in, or move the code up.",
};
const UI = { group: ["@/ui/*", "**/ui/*"], message: "server/ and lib/ do not render: move shared helpers to lib/." };
const APP = { group: ["@/app/*", "**/app/*"], message: "Nothing imports routes." };
const SERVER = { group: ["@/server/*", "**/server/*"], message: "lib/ is pure: no server code." };
const DATABASE = { group: ["@/server/db/*", "**/server/db/*"], message: "Routes and shared UI read through features/*/server functions." };

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "backups/**",
      "server/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "public/sw.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": restrictImports(),
      // Settings are read and validated in one place.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through server/env.ts." }],
    },
  },
  {
    // Where the environment is the point: the settings module, scripts, tests, benchmarks, tool configs.
    files: [
      "server/env.ts",
      "scripts/**",
      "tests/**",
      "bench/**",
      "prisma/seed.ts",
      "**/*.test.ts",
      "*.config.{ts,mjs}",
      "instrumentation.ts",
      "server/http/forwarded-for.mjs",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  { files: ["server/**/*.{ts,tsx,mjs}"], rules: { "no-restricted-imports": restrictImports(FEATURES, UI, APP) } },
  {
    files: ["ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrictImports(
        DATABASE,
        { group: ["@/features/*/server/*", "**/features/*/server/*"], message: "Shared UI gets data as props." },
        APP,
      ),
    },
  },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrictImports(FEATURES, UI, APP, SERVER) } },
  { files: ["features/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrictImports(APP) } },
  {
    // Benchmarks print tables.
    files: ["bench/**/*.{mjs,ts}"],
    rules: { "no-console": "off" },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Routes stay thin: no database access from app/.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrictImports(DATABASE),
    },
  },
);
