import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import { id, singleLine } from "@/lib/zod-text";
import { ZId } from "./schemas";

/** A base64url field of a WebAuthn answer (the browser library sends them as text). */
const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, { error: "errors.passkeyNotVerified" });
const ZTransports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(7);

/** What a WebAuthn answer has whatever the ceremony (as @simplewebauthn/browser serialises it). */
const passkeyAnswer = <T extends z.ZodRawShape>(response: T) =>
  z.object({
    id: b64url(1400).min(1),
    rawId: b64url(1400).min(1),
    type: z.literal("public-key"),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    response: z.object({ clientDataJSON: b64url(20_000).min(1), ...response }),
  });
/** What `navigator.credentials.create()` answers. */
export const ZPasskeyRegistration = passkeyAnswer({
  attestationObject: b64url(50_000).min(1),
  authenticatorData: b64url(20_000).optional(),
  transports: ZTransports.optional(),
  publicKeyAlgorithm: z.number().int().optional(),
  publicKey: b64url(20_000).optional(),
});
/** What `navigator.credentials.get()` answers. */
export const ZPasskeyAssertion = passkeyAnswer({
  authenticatorData: b64url(20_000).min(1),
  signature: b64url(2_000).min(1),
  userHandle: b64url(1_000).optional(),
});

const ZCode = singleLine().min(1, { error: "errors.secondFactorCodeRequired" }).max(40, { error: "errors.secondFactorWrong" });
export const ZFactorLabel = singleLine().min(1, { error: "errors.factorLabelRequired" }).max(60, { error: "errors.factorLabelTooLong" });
export const ZSecondFactorProof = z.object({ method: z.enum(["totp", "recovery"]), code: ZCode });
export const ZTotpEnrol = z.object({ sealed: z.string().min(10).max(2000), code: ZCode, label: ZFactorLabel });
export const ZPasskeyEnrol = z.object({ label: ZFactorLabel, response: ZPasskeyRegistration });
const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()).nullable() });
const ZOk = z.object({ ok: z.literal(true) });
/** WebAuthn options for the browser (PublicKeyCredential*OptionsJSON), passed on to @simplewebauthn/browser as they are. */
const ZWebAuthnOptions = z.object({ challenge: z.string() }).loose();

export const secondFactorEndpoints = {
  proveSecondFactor: defineEndpoint({
    method: "POST",
    path: "/api/v1/session/second-factor",
    tag: "profile",
    auth: "public",
    summary:
      "Prove the second factor for this session (decision 052): a code from the authenticator app or an unused recovery code — at sign-in, or again before a sensitive action. 10 wrong attempts in 15 minutes: 429. Also takes a plain HTML form post (then answers 303 to `next`).",
    body: ZSecondFactorProof,
    response: z.object({ recoveryCodesLeft: z.number().nullable() }),
    acceptsForm: true,
    secretResponse: true,
    statuses: [200, 400, 401, 429],
  }),
  passkeyProofOptions: defineEndpoint({
    method: "POST",
    path: "/api/v1/session/second-factor/passkey-options",
    tag: "profile",
    auth: "public",
    summary: "WebAuthn options to prove the second factor with one of your passkeys (a challenge for this session, valid 5 minutes, answerable once).",
    response: ZWebAuthnOptions,
    secretResponse: true,
    statuses: [200, 401, 404],
  }),
  provePasskey: defineEndpoint({
    method: "POST",
    path: "/api/v1/session/second-factor/passkey",
    tag: "profile",
    auth: "public",
    summary: "Prove the second factor with a passkey's answer to this session's challenge.",
    body: z.object({ response: ZPasskeyAssertion }),
    response: z.object({ recoveryCodesLeft: z.number().nullable() }),
    secretResponse: true,
    statuses: [200, 400, 401, 429],
  }),
  enrolTotp: defineEndpoint({
    method: "POST",
    path: "/api/v1/me/second-factors/totp",
    tag: "profile",
    auth: "user",
    summary:
      "Add an authenticator app: the sealed secret from the security page and the app's first code. The first factor returns ten recovery codes (shown once). One app per person (409).",
    body: ZTotpEnrol,
    response: ZRecoveryCodes,
    secretResponse: true,
    statuses: [201, 400, 409],
  }),
  passkeyRegistrationOptions: defineEndpoint({
    method: "POST",
    path: "/api/v1/me/second-factors/passkey-options",
    tag: "profile",
    auth: "user",
    summary: "WebAuthn options to make a passkey for your account on this site.",
    response: ZWebAuthnOptions,
    secretResponse: true,
    statuses: [200],
  }),
  enrolPasskey: defineEndpoint({
    method: "POST",
    path: "/api/v1/me/second-factors/passkey",
    tag: "profile",
    auth: "user",
    summary: "Keep the passkey the browser made (its answer to this session's challenge). The first factor returns ten recovery codes.",
    body: ZPasskeyEnrol,
    response: ZRecoveryCodes,
    secretResponse: true,
    statuses: [201, 400, 409],
  }),
  removeSecondFactor: defineEndpoint({
    method: "DELETE",
    path: "/api/v1/me/second-factors/{id}",
    tag: "profile",
    auth: "user",
    summary: "Remove one of your second factors (the second factor proved in the last 15 minutes). An admin's or methodologist's last factor stays (409).",
    params: ZId,
    response: ZOk,
    statuses: [404, 409],
  }),
  regenerateRecoveryCodes: defineEndpoint({
    method: "POST",
    path: "/api/v1/me/recovery-codes",
    tag: "profile",
    auth: "user",
    summary: "Ten new recovery codes; the old ones stop working (the second factor proved in the last 15 minutes).",
    response: ZRecoveryCodes,
    secretResponse: true,
    statuses: [200, 409],
  }),
  resetSecondFactor: defineEndpoint({
    method: "POST",
    path: "/api/v1/users/{id}/second-factor/reset",
    tag: "accounts",
    auth: "user",
    summary:
      "An admin removes every second factor of a person who lost them all (never their own; the admin's second factor proved in the last 15 minutes). Their sessions end and they are told by mail.",
    params: z.object({ id: id() }),
    response: z.object({ removed: z.number() }),
    statuses: [404, 409],
  }),
};
