import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/require-user";
import { getDraft } from "@/features/competences/server/get-draft";
import { getFramework } from "@/features/competences/server/framework";
import { DIRECTIONS, FREQUENCIES, FREQUENCY_LABELS, PURPOSES, TOOLS } from "@/features/competences/instrument";
import { AssessmentForm, type FormStep } from "@/features/competences/components/assessment-form";
import { ClientMessages } from "@/ui/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("assessment"))("title") };
}

export default async function AssessPage({ searchParams }: { searchParams: Promise<{ form?: string }> }) {
  const user = await requireUser();
  const [{ form: requested }, t, localeRaw] = await Promise.all([searchParams, getTranslations("assessment"), getLocale()]);
  const locale = localeRaw === "en" ? "en" : "uk";
  const draft = await getDraft(user);
  const form: "SHORT" | "FULL" = requested === "full" ? "FULL" : requested === "short" ? "SHORT" : (draft?.form ?? "SHORT");
  const resume = draft && draft.form === form;
  const fw = getFramework(resume ? draft.frameworkVersion : undefined);
  const anchors = [2, 4, 6, 8] as const;

  const itemSteps: FormStep[] =
    form === "SHORT"
      ? [
          {
            id: "areas",
            kind: "items",
            title: t("areasStep"),
            items: fw.areas.map((a) => ({
              itemType: "AREA",
              itemId: a.id,
              title: a.title[locale],
              descriptor: a.description[locale],
              statements: anchors.map((n) => ({ anchor: n, text: a.statements[String(n) as "2"][locale] })),
            })),
          },
        ]
      : fw.areas.map((a) => ({
          id: `area-${a.id}`,
          kind: "items",
          title: a.title[locale],
          items: fw.competences
            .filter((c) => c.area === a.id)
            .map((c) => ({
              itemType: "COMPETENCE" as const,
              itemId: c.id,
              title: `${c.id} ${c.title[locale]}`,
              descriptor: c.descriptor[locale],
              statements: anchors.map((n) => ({ anchor: n, text: c.statements[String(n) as "2"][locale] })),
            })),
        }));
  const steps: FormStep[] = [
    ...itemSteps,
    { id: "purposes", kind: "purposes", title: t("purposesStep") },
    ...(form === "FULL" ? [{ id: "tools", kind: "tools" as const, title: t("toolsStep") }] : []),
  ];
  const initial = resume
    ? {
        ratings: Object.fromEntries(draft.ratings.map((r) => [`${r.itemType}:${r.itemId}`, { level: r.level, note: r.note }])),
        purposes: Object.fromEntries(Object.entries(draft.purposes).flatMap(([k, v]) => (v ? [[k, v]] : []))) as Record<string, string>,
        tools: draft.tools.map((x) => `${x.tool}|${x.direction}`),
      }
    : { ratings: {}, purposes: {}, tools: [] };

  return (
    <ClientMessages namespaces={["assessment"]}>
      <h1 className="page-title">{form === "SHORT" ? t("titleShort") : t("titleFull")}</h1>
      <p className="mb-4 max-w-prose">{form === "SHORT" ? t("leadShort") : t("leadFull")}</p>
      <AssessmentForm
        form={form}
        steps={steps}
        initial={initial}
        purposes={PURPOSES.map((p) => ({ id: p.id, label: p.label[locale] }))}
        frequencies={FREQUENCIES.map((f) => ({ id: f, label: FREQUENCY_LABELS[f][locale] }))}
        tools={TOOLS.map((x) => ({ id: x.id, label: x.label[locale] }))}
        directions={DIRECTIONS.map((d) => ({ id: d.id, label: d.label[locale] }))}
      />
    </ClientMessages>
  );
}
