import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { getDb, type Prisma } from "@/server/db/client";
import { AppError, constraintError } from "@/server/errors";
import { assertRecentSecondFactor, authorize, type Actor } from "@/server/authz/policy";
import { TOTP_ISSUER } from "@/server/auth/second-factor";
import { finishEnrolment, lockSecondFactors } from "./recovery-codes";

/** A challenge answers within 5 minutes, once (taken by deleting its row). */
const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/**
 * The site a passkey belongs to is the address the person uses (the request's origin, already
 * checked against the allowed ones by the API wrapper): a passkey made at one address works there.
 */
export function relyingParty(origin: string): { rpID: string; origin: string } {
  const url = new URL(origin);
  return { rpID: url.hostname, origin: url.origin };
}

async function saveChallenge(sessionId: string, purpose: "register" | "authenticate", challenge: string, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await getDb().webAuthnChallenge.upsert({
    where: { sessionId_purpose: { sessionId, purpose } },
    create: { sessionId, purpose, challenge, expiresAt },
    update: { challenge, expiresAt },
  });
}

/** Takes the session's open challenge: a second answer to the same challenge finds none (400). */
async function takeChallenge(tx: Prisma.TransactionClient, sessionId: string, purpose: "register" | "authenticate", now: Date): Promise<string> {
  const [row] = await tx.$queryRaw<{ challenge: string; expiresAt: Date }[]>`
    DELETE FROM "WebAuthnChallenge" WHERE "sessionId" = ${sessionId} AND "purpose" = ${purpose} RETURNING "challenge", "expiresAt"`;
  if (!row || new Date(row.expiresAt).getTime() < now.getTime()) throw new AppError("bad_request", "errors.passkeyChallengeExpired");
  return row.challenge;
}

/** Options for the browser to make a passkey for the actor on this site (the ones they have are excluded). */
export async function startPasskeyRegistration(
  actor: Actor,
  sessionId: string,
  origin: string,
  now = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  authorize(actor, "update:profile:own");
  const db = getDb();
  const [user, existing] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, name: true } }),
    db.secondFactor.findMany({ where: { userId: actor.id }, select: { kind: true, credentialId: true, transports: true } }),
  ]);
  if (existing.length > 0) assertRecentSecondFactor(actor, now.getTime());
  const { rpID } = relyingParty(origin);
  const options = await generateRegistrationOptions({
    rpName: TOTP_ISSUER,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(actor.id),
    attestationType: "none",
    excludeCredentials: existing.flatMap((f) => (f.credentialId ? [{ id: f.credentialId, transports: f.transports }] : [])),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await saveChallenge(sessionId, "register", options.challenge, now);
  return options;
}

/** Keeps the passkey the browser made, once the answer matches this session's challenge; like the first app, the first factor brings recovery codes. */
export async function enrolPasskey(
  actor: Actor,
  sessionId: string,
  origin: string,
  input: { label: string; response: RegistrationResponseJSON },
  now = new Date(),
): Promise<{ factorId: string; recoveryCodes: string[] | null }> {
  authorize(actor, "update:profile:own");
  const rp = relyingParty(origin);
  try {
    return await getDb().$transaction(async (tx) => {
      await lockSecondFactors(tx, actor.id);
      const expectedChallenge = await takeChallenge(tx, sessionId, "register", now);
      const existing = await tx.secondFactor.count({ where: { userId: actor.id } });
      if (existing > 0) assertRecentSecondFactor(actor, now.getTime());
      const verification = await verifyRegistrationResponse({
        response: input.response,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      }).catch(() => ({ verified: false as const }));
      if (!verification.verified) throw new AppError("bad_request", "errors.passkeyNotVerified");
      const { credential } = verification.registrationInfo;
      const factor = await tx.secondFactor.create({
        data: {
          userId: actor.id,
          kind: "PASSKEY",
          label: input.label,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          lastUsedAt: now,
        },
        select: { id: true },
      });
      return finishEnrolment(tx, actor, { factorId: factor.id, kind: "PASSKEY", first: existing === 0 }, sessionId, now);
    });
  } catch (error) {
    throw constraintError(error) ?? error;
  }
}

/** Options for proving the second factor with one of the person's passkeys, for this session. */
export async function startPasskeyProof(
  session: { userId: string; sessionId: string },
  origin: string,
  now = new Date(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await getDb().secondFactor.findMany({
    where: { userId: session.userId, kind: "PASSKEY" },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) throw new AppError("not_found", "errors.noPasskey");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(origin).rpID,
    allowCredentials: passkeys.flatMap((p) => (p.credentialId ? [{ id: p.credentialId, transports: p.transports as never }] : [])),
    userVerification: "preferred",
  });
  await saveChallenge(session.sessionId, "authenticate", options.challenge, now);
  return options;
}

/**
 * Checks a passkey's answer against the session's challenge and the person's own passkey; keeps its
 * signature counter. Returns whether it proved the factor (the caller counts failures).
 */
export async function checkPasskeyProof(
  tx: Prisma.TransactionClient,
  session: { userId: string; sessionId: string },
  origin: string,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<boolean> {
  const expectedChallenge = await takeChallenge(tx, session.sessionId, "authenticate", now);
  const passkey = await tx.secondFactor.findFirst({
    where: { userId: session.userId, kind: "PASSKEY", credentialId: response.id },
    select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
  if (!passkey?.credentialId || !passkey.publicKey) return false;
  const rp = relyingParty(origin);
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter ?? 0, transports: passkey.transports },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  await tx.secondFactor.update({ where: { id: passkey.id }, data: { counter: result.authenticationInfo.newCounter, lastUsedAt: now } });
  return true;
}
