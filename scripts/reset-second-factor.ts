/**
 * `npm run second-factor:reset -- <email>`: the operator's way back in for an admin who lost every
 * second factor when no other admin can reset it (decision 052). Run on the server, against the
 * database the app uses (DATABASE_URL, or the PGlite folder with the app stopped): removes the
 * person's factors and recovery codes, ends their sessions, and records it in the audit trail.
 */
import { getDb, disconnectDb } from "../server/db/client";
import { resetSecondFactorAsOperator } from "../features/accounts/server/second-factor/reset-second-factor";

const email = process.argv[2] ?? "";
try {
  const removed = await resetSecondFactorAsOperator(getDb(), email);
  console.info(`Removed ${removed} second factor(s) of ${email.trim()} and ended their sessions. They sign in with the password and enrol again.`);
} catch (error: unknown) {
  console.error(`Reset failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
