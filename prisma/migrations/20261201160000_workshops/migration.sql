-- Methodological workshops (issue 12, decision 030): announcements, registrations with a waiting
-- list, reminders, attendance. "One active registration per person and workshop" and "no more
-- seats than the capacity" are kept by the database; the code gives seats under a lock of the
-- workshop row and cancels, promotes and reminds by compare-and-set.

-- CreateTable
CREATE TABLE "Workshop" (
    "id" TEXT NOT NULL,
    "regionId" TEXT,
    "audience" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "onlineUrl" TEXT,
    "place" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "readings" JSONB NOT NULL DEFAULT '[]',
    "materials" JSONB NOT NULL DEFAULT '[]',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopHromada" (
    "workshopId" TEXT NOT NULL,
    "hromadaId" TEXT NOT NULL,

    CONSTRAINT "WorkshopHromada_pkey" PRIMARY KEY ("workshopId","hromadaId")
);

-- CreateTable
CREATE TABLE "WorkshopRegistration" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "attended" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Workshop_regionId_startsAt_idx" ON "Workshop"("regionId", "startsAt");

-- CreateIndex
CREATE INDEX "Workshop_startsAt_idx" ON "Workshop"("startsAt");

-- CreateIndex
CREATE INDEX "WorkshopHromada_hromadaId_idx" ON "WorkshopHromada"("hromadaId");

-- CreateIndex
CREATE INDEX "WorkshopRegistration_workshopId_status_queuedAt_idx" ON "WorkshopRegistration"("workshopId", "status", "queuedAt");

-- CreateIndex
CREATE INDEX "WorkshopRegistration_userId_status_idx" ON "WorkshopRegistration"("userId", "status");

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopHromada" ADD CONSTRAINT "WorkshopHromada_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopHromada" ADD CONSTRAINT "WorkshopHromada_hromadaId_fkey" FOREIGN KEY ("hromadaId") REFERENCES "Hromada"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopRegistration" ADD CONSTRAINT "WorkshopRegistration_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopRegistration" ADD CONSTRAINT "WorkshopRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One active (registered or waiting) registration per person and workshop; cancelled ones stay as history.
CREATE UNIQUE INDEX "WorkshopRegistration_active_key" ON "WorkshopRegistration"("workshopId", "userId") WHERE "status" <> 'CANCELLED';

ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_audience_check" CHECK ("audience" IN ('REGION', 'HROMADAS', 'CURATORS'));
-- Only a region's workshop can be for some of its hromadas.
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_hromadas_region_check" CHECK ("audience" <> 'HROMADAS' OR "regionId" IS NOT NULL);
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_capacity_check" CHECK ("capacity" BETWEEN 1 AND 500);
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_time_check" CHECK ("endsAt" > "startsAt" AND "endsAt" <= "startsAt" + INTERVAL '14 days');
-- Somewhere to be: an https link or a place (or both).
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_where_check" CHECK (
  ("onlineUrl" IS NOT NULL OR "place" IS NOT NULL)
  AND ("onlineUrl" IS NULL OR "onlineUrl" LIKE 'https://_%')
  AND ("place" IS NULL OR char_length("place") BETWEEN 1 AND 300)
);
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_text_check" CHECK (
  char_length("title") BETWEEN 3 AND 160 AND char_length("description") BETWEEN 1 AND 4000
);
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_lists_check" CHECK (jsonb_typeof("readings") = 'array' AND jsonb_typeof("materials") = 'array');
ALTER TABLE "WorkshopRegistration" ADD CONSTRAINT "WorkshopRegistration_status_check" CHECK ("status" IN ('REGISTERED', 'WAITLISTED', 'CANCELLED'));
-- Only a person who had a seat is marked as attended or not; a cancelled one says when.
ALTER TABLE "WorkshopRegistration" ADD CONSTRAINT "WorkshopRegistration_shape_check" CHECK (
  ("attended" IS NULL OR "status" = 'REGISTERED') AND (("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL))
);

-- No more seats than the capacity, whoever writes: a registration that takes a seat locks the
-- workshop row (so seat-takers of one workshop queue one behind the other) and counts the seats
-- taken. The app takes the same lock first and waitlists instead; this is the backstop for a write
-- that goes past the code. Reported as a CHECK violation (23514) of the named constraint.
CREATE FUNCTION "workshop_seat_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seats INTEGER;
  taken INTEGER;
BEGIN
  IF NEW."status" = 'REGISTERED' AND (TG_OP = 'INSERT' OR OLD."status" <> 'REGISTERED') THEN
    SELECT "capacity" INTO seats FROM "Workshop" WHERE "id" = NEW."workshopId" FOR UPDATE;
    SELECT count(*) INTO taken FROM "WorkshopRegistration"
      WHERE "workshopId" = NEW."workshopId" AND "status" = 'REGISTERED' AND "id" <> NEW."id";
    IF taken >= seats THEN
      RAISE EXCEPTION 'workshop has no free seat' USING ERRCODE = '23514', CONSTRAINT = 'WorkshopRegistration_seats_check';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "WorkshopRegistration_seats_guard"
  BEFORE INSERT OR UPDATE OF "status" ON "WorkshopRegistration"
  FOR EACH ROW EXECUTE FUNCTION "workshop_seat_guard"();
