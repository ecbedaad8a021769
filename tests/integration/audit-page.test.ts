import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl";
import uk from "../../messages/uk.json";
import { getDb, type Role } from "../../server/db/client";
import type { SessionUser } from "../../server/auth/current-user";
import { actorFromDb } from "../factories/actors";
import { createPerson, createPlace, uniqueSuffix, type TestPlace } from "../factories/people";

/**
 * The admins' audit page (decision 050) rendered on the server as a signed-in person would get it:
 * every filter labelled, the table captioned and in a labelled scrolling region, people named at
 * read time, and 403 for anyone but an admin. (A .test.ts file: the server component is awaited,
 * then rendered; the admin navigation is a component of its own, left out here.)
 */

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "uk",
  getTranslations: async (namespace: string) => createTranslator({ locale: "uk", messages: uk, namespace: namespace as "audit" }),
}));
vi.mock("@/server/auth/require-user", () => ({
  requireUser: async () => session.user,
}));
vi.mock("@/features/admin/components/admin-nav", () => ({ AdminNav: () => null }));
// Next's 403 and 404 pages need its server; here they are errors that say which page it would be.
vi.mock("next/navigation", () => ({
  forbidden: () => {
    throw new Error("the 403 page");
  },
  notFound: () => {
    throw new Error("the 404 page");
  },
}));

const { default: AuditPage } = await import("../../app/admin/audit/page");

const db = getDb();
let place: TestPlace;

async function person(roles: Role[], name?: string) {
  const p = await createPerson(db, { organizationId: place.organizationId, roles, ...(name ? { name } : {}) });
  return { ...p, actor: await actorFromDb(db, { id: p.id }) };
}

async function render(as: SessionUser, params: Record<string, string>) {
  session.user = as;
  return renderToStaticMarkup(await AuditPage({ searchParams: Promise.resolve(params) }));
}

beforeAll(async () => {
  place = await createPlace(db);
});

describe("the audit page", () => {
  it("labels every filter, captions the table in a labelled region, and names people as they are now", async () => {
    const admin = await person(["ADMIN"]);
    const tag = uniqueSuffix();
    const worker = await person(["LEARNER"], `Ганна Сторінкова ${tag}`);
    const gone = await person(["LEARNER"]);
    await db.auditEntry.createMany({
      data: [
        { actorId: worker.id, action: "auth.sign-in", targetType: "account", targetId: worker.id, regionId: place.regionId, detail: { ip: "203.0.113.5" } },
        {
          actorId: gone.id,
          action: "user.status-changed",
          targetType: "User",
          targetId: worker.id,
          regionId: place.regionId,
          detail: { from: "ACTIVE", to: "DISABLED" },
        },
      ],
    });
    await db.user.delete({ where: { id: gone.id } });

    const html = await render(admin.actor, { region: place.regionId, from: "2026-02-30" });
    expect(html).toContain('<h1 class="page-title">Журнал дій</h1>');
    for (const [id, label] of [
      ["audit-who", "Хто"],
      ["audit-action", "Дія"],
      ["audit-from", "З дня"],
      ["audit-to", "По день"],
      ["audit-region", "Область"],
    ]) {
      expect(html).toContain(`<label for="${id}" class="mb-1 block font-semibold">${label}</label>`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<form role="search" aria-labelledby="audit-filters" class="grid gap-3 sm:grid-cols-2" action="/admin/audit" method="get">');
    expect(html).toContain('tabindex="0" role="region" aria-labelledby="audit-caption"');
    expect(html).toContain('<caption id="audit-caption" class="mb-2 text-left font-semibold">Записи журналу, найновіші спершу</caption>');
    // The unreadable date is dropped, and the page says so; the region stays chosen.
    expect(html).toContain("Не вдалося прочитати фільтр: З дня. Його пропущено.");
    expect(html).toMatch(new RegExp(`<option value="${place.regionId}" selected="">`));
    expect(html).toContain(worker.name);
    expect(html).toContain(worker.email);
    expect(html).toContain("колишній учасник");
    expect(html).toContain('<div>Вхід</div><code class="text-sm">auth.sign-in</code>');
    expect(html).toContain('<span class="font-semibold">Від:</span> активний');
    expect(html).toContain('<span class="font-semibold">IP-адреса:</span> 203.0.113.5');
    expect(html).toContain(`href="/api/v1/audit/export?region=${place.regionId}&amp;format=csv"`);
  });

  it("answers 403 to a methodologist, a curator and a learner", async () => {
    for (const roles of [["METHODOLOGIST"], ["CURATOR", "LEARNER"], ["LEARNER"]] as Role[][]) {
      const who = await person(roles);
      await expect(render(who.actor, {})).rejects.toThrow("the 403 page");
    }
  });
});
