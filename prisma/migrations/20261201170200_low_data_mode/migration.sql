-- Low-data mode (decision 035).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lowData" TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE "User" ADD CONSTRAINT "User_lowData_check" CHECK ("lowData" IN ('auto', 'on', 'off'));
