import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { authorize, type Actor } from "@/server/authz/policy";
import { MESSAGES, type AppLocale } from "@/server/i18n";
import { DIRECTIONS, FREQUENCIES, FREQUENCY_LABELS, PURPOSES, TOOLS } from "../instrument";
import { MIN_GROUP } from "../aggregate-math";
import { computeAggregates, type Aggregates, type Scope } from "./aggregates";
import { getFramework } from "./framework";

import type { ReportTable } from "@/server/reports/export-tables";
import { columnsFrom } from "@/lib/report-number";

export type { ReportTable };
export type Report = {
  scope: Scope;
  title: string;
  respondents: number;
  fullFormRespondents: number;
  suppressed: boolean;
  tables: ReportTable[];
  children: { id: string; name: string; n: number; suppressed: boolean; href: string | null }[];
  parent: { name: string; href: string } | null;
};

export type ScopeParam = { scope: "country" | "region" | "hromada"; id?: string };

/** Resolves a scope from the URL, checks the viewer may read it (policy), and names it. */
async function resolveScope(actor: Actor, param: ScopeParam, locale: AppLocale) {
  const db = getDb();
  if (param.scope === "country") {
    authorize(actor, "read:aggregates", { scope: "country" });
    return { scope: { kind: "country" } as Scope, name: MESSAGES[locale].reports.country, parent: null };
  }
  if (param.scope === "region") {
    const region = param.id ? await db.region.findUnique({ where: { id: param.id } }) : null;
    if (!region) throw new AppError("not_found", "errors.notFound");
    authorize(actor, "read:aggregates", { scope: "region", regionId: region.id });
    return {
      scope: { kind: "region", regionId: region.id } as Scope,
      name: locale === "en" ? region.nameEn : region.nameUk,
      parent: actor.roles.includes("ADMIN") ? { name: MESSAGES[locale].reports.country, href: "/reports?scope=country" } : null,
    };
  }
  const hromada = param.id ? await db.hromada.findUnique({ where: { id: param.id }, include: { region: true } }) : null;
  if (!hromada) throw new AppError("not_found", "errors.notFound");
  authorize(actor, "read:aggregates", { scope: "hromada", regionId: hromada.regionId });
  return {
    scope: { kind: "hromada", hromadaId: hromada.id } as Scope,
    name: locale === "en" ? hromada.nameEn : hromada.nameUk,
    parent: { name: locale === "en" ? hromada.region.nameEn : hromada.region.nameUk, href: `/reports?scope=region&id=${hromada.regionId}` },
  };
}

export async function getReport(actor: Actor, param: ScopeParam, locale: AppLocale): Promise<Report> {
  const resolved = await resolveScope(actor, param, locale);
  const aggregates = await computeAggregates(resolved.scope);
  return {
    scope: resolved.scope,
    title: resolved.name,
    respondents: aggregates.respondents,
    fullFormRespondents: aggregates.fullFormRespondents,
    suppressed: aggregates.suppressed,
    tables: aggregates.suppressed ? [] : buildTables(aggregates, locale),
    children: await nameChildren(resolved.scope, aggregates, locale),
    parent: resolved.parent,
  };
}

async function nameChildren(scope: Scope, aggregates: Aggregates, locale: AppLocale): Promise<Report["children"]> {
  if (scope.kind === "hromada") return [];
  const db = getDb();
  const counts = new Map(aggregates.breakdown.map((b) => [b.id, b]));
  if (scope.kind === "region") {
    const hromadas = await db.hromada.findMany({ where: { regionId: scope.regionId }, orderBy: { nameUk: "asc" } });
    return hromadas.map((h) => {
      const c = counts.get(h.id);
      return {
        id: h.id,
        name: locale === "en" ? h.nameEn : h.nameUk,
        n: c?.n ?? 0,
        suppressed: c?.suppressed ?? false,
        href: `/reports?scope=hromada&id=${h.id}`,
      };
    });
  }
  const regions = await db.region.findMany({ orderBy: { nameUk: "asc" } });
  return regions.map((r) => {
    const c = counts.get(r.id);
    return {
      id: r.id,
      name: locale === "en" ? r.nameEn : r.nameUk,
      n: c?.n ?? 0,
      suppressed: c?.suppressed ?? false,
      href: `/reports?scope=region&id=${r.id}`,
    };
  });
}

/** The same tables feed the page, the CSV and the XLSX, so the three never disagree. */
export function buildTables(a: Aggregates, locale: AppLocale): ReportTable[] {
  const m = MESSAGES[locale].reports;
  const fw = getFramework();
  const levels = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
  const hidden = m.suppressedCell;
  const tables: ReportTable[] = [
    {
      id: "areas",
      title: m.areasTitle,
      note: m.areasNote,
      header: [m.area, m.respondents, ...levels.map((l) => `${m.level} ${l}`)],
      rows: fw.areas.map((area) => {
        const counts = a.areaDistribution[area.id] ?? Array(9).fill(0);
        return [area.title[locale], counts.reduce((s: number, c: number) => s + c, 0), ...counts];
      }),
    },
    {
      id: "purposes",
      title: m.purposesTitle,
      note: m.purposesNote,
      header: [m.purpose, ...FREQUENCIES.map((f) => `${FREQUENCY_LABELS[f][locale]} (%)`)],
      rows: PURPOSES.map((p) => [p.label[locale], ...FREQUENCIES.map((f) => a.purposes[p.id]?.[f] ?? 0)]),
      decimals: { columns: columnsFrom(1, FREQUENCIES.length) },
    },
    a.competenceDistribution
      ? {
          id: "competences",
          title: m.competencesTitle,
          note: m.competencesNote,
          header: [m.competence, m.respondents, ...levels.map((l) => `${m.level} ${l}`)],
          rows: fw.competences.map((c) => {
            const counts = a.competenceDistribution?.[c.id] ?? Array(9).fill(0);
            return [`${c.id} ${c.title[locale]}`, counts.reduce((s: number, x: number) => s + x, 0), ...counts];
          }),
        }
      : { id: "competences", title: m.competencesTitle, note: m.tooFewFull.replace("{min}", String(MIN_GROUP)), header: [], rows: [] },
    a.tools
      ? {
          id: "tools",
          title: m.toolsTitle,
          note: m.toolsNote,
          header: [m.tool, ...DIRECTIONS.flatMap((d) => [`${d.label[locale]}: ${m.usedMoreOften} (%)`, `${d.label[locale]}: ${m.notUsedMoreOften} (%)`])],
          rows: TOOLS.map((t) => [
            t.label[locale],
            ...DIRECTIONS.flatMap((d) => {
              const used = a.tools?.[t.id]?.[d.id] ?? 0;
              return [used, Math.round((100 - used) * 10) / 10];
            }),
          ]),
          decimals: { columns: columnsFrom(1, DIRECTIONS.length * 2) },
        }
      : { id: "tools", title: m.toolsTitle, note: m.tooFewFull.replace("{min}", String(MIN_GROUP)), header: [], rows: [] },
    {
      id: "trend",
      title: m.trendTitle,
      note: m.trendNote,
      header: [m.quarter, m.respondents, ...fw.areas.map((area) => area.title[locale])],
      rows: a.trend.map((q) => [q.quarter, q.suppressed ? hidden : q.n, ...fw.areas.map((area) => (q.suppressed ? hidden : (q.areaMeans[area.id] ?? "—")))]),
      decimals: { columns: columnsFrom(2, fw.areas.length) },
    },
  ];
  return tables;
}
