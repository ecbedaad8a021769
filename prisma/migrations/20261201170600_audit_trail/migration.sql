-- The audit trail (issue 15, decision 050): an append-only record of security- and
-- privacy-relevant actions, written only through server/audit/record-audit.ts.

-- The actor is a plain id, not a foreign key: erasing or removing an account must not have to
-- change the trail (an append-only table cannot take ON DELETE SET NULL), and the page shows "a
-- former member" when the account is gone.
-- DropForeignKey
ALTER TABLE "AuditEntry" DROP CONSTRAINT "AuditEntry_actorId_fkey";

-- The region the action concerns (for the admins' region filter); a plain id for the same reason.
-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "regionId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_id_idx" ON "AuditEntry"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_regionId_createdAt_idx" ON "AuditEntry"("regionId", "createdAt");

-- The entries written before this migration take the names of server/audit/actions.ts, lose the
-- free text one of them held (a moderator's reason stays in the moderation log), and get the
-- region of what they name. This is the last time any entry changes.
UPDATE "AuditEntry" SET "action" = CASE "action"
    WHEN 'user.disable' THEN 'user.status-changed'
    WHEN 'user.enable' THEN 'user.status-changed'
    WHEN 'user.sign-out-everywhere' THEN 'user.sessions-ended'
    WHEN 'community.thread.lock' THEN 'moderation.lock'
    WHEN 'community.thread.unlock' THEN 'moderation.unlock'
    WHEN 'invitation.create' THEN 'invitation.created'
    WHEN 'invitation.accept' THEN 'invitation.accepted'
    WHEN 'invitation.revoke' THEN 'invitation.revoked'
    WHEN 'password.reset' THEN 'auth.password-reset'
    WHEN 'password.change' THEN 'auth.password-changed'
    WHEN 'region.create' THEN 'directory.region-created'
    WHEN 'hromada.create' THEN 'directory.hromada-created'
    WHEN 'organization.create' THEN 'directory.organization-created'
    WHEN 'organization.settings' THEN 'directory.organization-settings-changed'
    ELSE "action" END;
UPDATE "AuditEntry" SET "detail" = NULL WHERE "action" IN ('moderation.lock', 'moderation.unlock');
UPDATE "AuditEntry" a SET "regionId" = h."regionId"
  FROM "User" u JOIN "Organization" o ON o."id" = u."organizationId" JOIN "Hromada" h ON h."id" = o."hromadaId"
 WHERE a."targetType" = 'User' AND a."targetId" = u."id";
UPDATE "AuditEntry" a SET "regionId" = h."regionId"
  FROM "Invitation" i JOIN "Organization" o ON o."id" = i."organizationId" JOIN "Hromada" h ON h."id" = o."hromadaId"
 WHERE a."targetType" = 'Invitation' AND a."targetId" = i."id";
UPDATE "AuditEntry" a SET "regionId" = s."regionId"
  FROM "Thread" t JOIN "CommunitySpace" s ON s."id" = t."spaceId"
 WHERE a."targetType" = 'Thread' AND a."targetId" = t."id";
UPDATE "AuditEntry" SET "regionId" = "targetId" WHERE "targetType" = 'Region';
UPDATE "AuditEntry" a SET "regionId" = h."regionId" FROM "Hromada" h WHERE a."targetType" = 'Hromada' AND a."targetId" = h."id";
UPDATE "AuditEntry" a SET "regionId" = h."regionId"
  FROM "Organization" o JOIN "Hromada" h ON h."id" = o."hromadaId"
 WHERE a."targetType" = 'Organization' AND a."targetId" = o."id";

-- Append-only: an entry is never changed, and removed only by the retention purge, which says so
-- in its own transaction with SET LOCAL skh.audit_purge = 'on' (server/jobs/retention.ts). TRUNCATE
-- is refused always (a statement trigger; row triggers do not see it).
CREATE FUNCTION skh_refuse_audit_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('skh.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION skh_refuse_audit_change();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION skh_refuse_audit_change();
