-- CreateEnum
CREATE TYPE "SecondFactorKind" AS ENUM ('TOTP', 'PASSKEY');

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "secondFactorAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SecondFactor" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SecondFactorKind" NOT NULL,
    "label" VARCHAR(60) NOT NULL,
    "secret" TEXT,
    "lastStep" INTEGER,
    "credentialId" TEXT,
    "publicKey" BYTEA,
    "counter" INTEGER,
    "transports" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "SecondFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebAuthnChallenge" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "purpose" VARCHAR(20) NOT NULL,
    "challenge" VARCHAR(200) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebAuthnChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SecondFactor_credentialId_key" ON "SecondFactor"("credentialId");

-- CreateIndex
CREATE INDEX "SecondFactor_userId_idx" ON "SecondFactor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode"("userId", "codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "WebAuthnChallenge_sessionId_purpose_key" ON "WebAuthnChallenge"("sessionId", "purpose");

-- AddForeignKey
ALTER TABLE "SecondFactor" ADD CONSTRAINT "SecondFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebAuthnChallenge" ADD CONSTRAINT "WebAuthnChallenge_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "UserSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Decision 050: which columns each kind of factor fills.
ALTER TABLE "SecondFactor" ADD CONSTRAINT "SecondFactor_kind_columns" CHECK (
  ("kind" = 'TOTP' AND "secret" IS NOT NULL AND "credentialId" IS NULL AND "publicKey" IS NULL)
  OR ("kind" = 'PASSKEY' AND "secret" IS NULL AND "lastStep" IS NULL AND "credentialId" IS NOT NULL AND "publicKey" IS NOT NULL AND "counter" IS NOT NULL)
);
ALTER TABLE "SecondFactor" ADD CONSTRAINT "SecondFactor_label_length" CHECK (char_length(btrim("label")) BETWEEN 1 AND 60);

-- At most one authenticator app per person.
CREATE UNIQUE INDEX "SecondFactor_one_totp_per_user" ON "SecondFactor"("userId") WHERE "kind" = 'TOTP';

-- A recovery code is a SHA-256 hex digest; a challenge is a purpose the code knows.
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_hash_format" CHECK ("codeHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "WebAuthnChallenge" ADD CONSTRAINT "WebAuthnChallenge_purpose" CHECK ("purpose" IN ('register', 'authenticate'));
