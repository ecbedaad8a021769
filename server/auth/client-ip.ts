import { getEnv, type TEnv } from "../env";
import { clientAddressFrom, createProxyTrust, type ProxyTrust } from "../http/forwarded-for.mjs";

const trustByEnv = new WeakMap<TEnv, ProxyTrust>();

function proxyTrust(): ProxyTrust {
  const env = getEnv();
  let trust = trustByEnv.get(env);
  if (!trust) {
    trust = createProxyTrust({ proxies: env.TRUSTED_PROXIES, hops: env.TRUSTED_PROXY_HOPS });
    trustByEnv.set(env, trust);
  }
  return trust;
}

/**
 * The caller's address, for the sign-in throttle and idempotency scopes. scripts/serve.mjs makes
 * the socket peer the last X-Forwarded-For entry; walking from there, entries written by trusted
 * proxies (TRUSTED_PROXIES, TRUSTED_PROXY_HOPS) are skipped and the first other address is the
 * client. A client cannot move that answer by writing the header; X-Real-IP is not believed.
 */
export function clientIp(headers: Pick<Headers, "get"> | Record<string, string | string[] | undefined>): string {
  const value =
    typeof headers.get === "function"
      ? (headers as Pick<Headers, "get">).get("x-forwarded-for")
      : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"];
  const forwardedFor = Array.isArray(value) ? value.join(",") : value;
  return clientAddressFrom(forwardedFor, proxyTrust()) ?? "local";
}
