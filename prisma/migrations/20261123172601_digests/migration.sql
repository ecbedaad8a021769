-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "dueSoonSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digest" TEXT,
ADD COLUMN     "digestSentAt" TIMESTAMP(3);
