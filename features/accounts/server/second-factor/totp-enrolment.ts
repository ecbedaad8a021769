import "server-only";
import { renderSVG } from "uqr";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { newTotpSecret, openValue, sealValue, totpUri } from "@/server/auth/second-factor";

/** An enrolment in progress lives in the page, sealed (decision 052): nothing is stored until a code proves it. */
const ENROLMENT_PURPOSE = "totp-enrolment";
const ENROLMENT_TTL_MS = 15 * 60 * 1000;

export type TotpEnrolment = {
  /** The secret for typing into an app by hand, in groups of four. */
  secretGroups: string;
  /** The QR code of the otpauth:// address, as SVG markup we generate (no user text in it but the e-mail, escaped by the encoder). */
  qrSvg: string;
  /** The secret, sealed to this person for 15 minutes; posted back with the first code. */
  sealed: string;
};

/** Starts adding an authenticator app: a new secret shown as a QR code and as text. Nothing is stored yet. */
export async function startTotpEnrolment(actor: Actor, now = Date.now()): Promise<TotpEnrolment> {
  authorize(actor, "update:profile:own");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } });
  const secret = newTotpSecret();
  return {
    secretGroups: secret.replace(/(.{4})(?=.)/g, "$1 "),
    qrSvg: renderSVG(totpUri(secret, user.email), { border: 2 }),
    sealed: sealValue(JSON.stringify({ uid: actor.id, secret, exp: now + ENROLMENT_TTL_MS }), ENROLMENT_PURPOSE),
  };
}

/** The secret of an enrolment this person started less than 15 minutes ago; otherwise 400 (start again). */
export function openTotpEnrolment(actor: Actor, sealed: string, now = Date.now()): string {
  const opened = openValue(sealed, ENROLMENT_PURPOSE);
  const parsed = opened ? (JSON.parse(opened) as { uid?: unknown; secret?: unknown; exp?: unknown }) : null;
  if (!parsed || parsed.uid !== actor.id || typeof parsed.secret !== "string" || typeof parsed.exp !== "number" || parsed.exp < now) {
    throw new AppError("bad_request", "errors.totpEnrolmentExpired");
  }
  return parsed.secret;
}
