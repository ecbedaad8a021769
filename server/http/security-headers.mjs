// Security headers every response carries, other than the per-request CSP (set in proxy.ts with a
// nonce): next.config.mjs sets them on what Next serves, scripts/serve.mjs on the Brotli files it
// serves itself (server/http/precompressed-static.mjs).
export const SECURITY_HEADERS = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];
