-- Signed-in devices (issue 15): when an account's session version moves (a password changed or
-- reset, the account disabled, "sign out everywhere" by the person or an admin), every session row
-- of it ends in the same transaction, so the list of signed-in devices never shows a session the
-- version check already refuses. A password change keeps the device it was made on: the app names
-- that session in the transaction-local setting "skh.keep_session".

CREATE FUNCTION skh_end_sessions_with_version() RETURNS trigger AS $$
BEGIN
  UPDATE "UserSession"
     SET "revokedAt" = now()
   WHERE "userId" = NEW."id"
     AND "revokedAt" IS NULL
     AND "id" IS DISTINCT FROM NULLIF(current_setting('skh.keep_session', true), '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_end_sessions_with_version" AFTER UPDATE OF "sessionVersion" ON "User"
  FOR EACH ROW
  WHEN (OLD."sessionVersion" IS DISTINCT FROM NEW."sessionVersion")
  EXECUTE FUNCTION skh_end_sessions_with_version();

-- Sessions that ended that way before this migration.
UPDATE "UserSession" s
   SET "revokedAt" = now()
  FROM "User" u
 WHERE u."id" = s."userId" AND s."revokedAt" IS NULL AND u."status" <> 'ACTIVE';
