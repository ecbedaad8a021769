-- AlterTable
ALTER TABLE "User" ADD COLUMN     "curatorCapacity" INTEGER NOT NULL DEFAULT 15;
