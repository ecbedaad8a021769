import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./server/http/security-headers.mjs";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/serve.mjs compresses (after it sets a page's scripts to run once the page is painted).
  compress: false,
  // Native and WebAssembly packages load from node_modules at run time instead of being bundled; so
  // does the name declension (server/name-cases.ts), whose TensorFlow.js model is too big to bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "@node-rs/argon2", "nodemailer", "pg", "shevchenko"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  // Security headers other than the per-request CSP (set in proxy.ts with a nonce).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
