import { getMDXComponent } from "mdx-bundler/client";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/server/auth/current-user";
import { Checklist, Choice, Item, Option, Quiz, Scenario, Situation, TrueFalse } from "./interactive";
import { learnerOrderComponents, type LearnerOrder } from "./learner-order";
import { LessonStep } from "./lesson-player";
import { Callout, Figure, KeyTerm, Step, Steps } from "./static";

const compiled = new Map<string, ReturnType<typeof getMDXComponent>>();
/** One component per compiled lesson or item, made once per process (the code never changes at run time). */
function mdxComponent(code: string) {
  let component = compiled.get(code);
  if (!component) {
    component = getMDXComponent(code);
    compiled.set(code, component);
  }
  return component;
}

/**
 * Renders compiled lesson code (a whole lesson or one review item) on the server. The code was
 * compiled at build time from checked content; the browser receives HTML and the few small
 * interactive components, never lesson code.
 *
 * `contentId` names the lesson or guide the code belongs to: a Quiz's options and a Scenario's
 * choices are then shown in the order of the person signed in for this request (learner-order.tsx).
 * Without it (an author's preview, a handout) they stay as written.
 */
export async function LessonBody({
  code,
  contentId,
  components = {},
  prose = true,
}: {
  code: string;
  contentId?: string;
  components?: MDXComponents;
  prose?: boolean;
}) {
  const [t, user] = await Promise.all([getTranslations("lesson"), contentId ? getCurrentUser() : null]);
  const calloutLabel = { tip: t("tip"), warning: t("warning"), privacy: t("privacy") };
  const order = user && contentId ? { userId: user.id, contentId } : null;
  return <div className={prose ? "lesson-prose" : undefined}>{renderMdx(code, calloutLabel, t("illustrative"), order, components)}</div>;
}

/** Components an MDX kind adds to the lesson set (walkthroughs add their step components). */
type MDXComponents = Record<string, (props: never) => ReactNode | Promise<ReactNode>>;

/** The cached component is created once per code (see mdxComponent), not per render. */
function renderMdx(
  code: string,
  calloutLabel: Record<"tip" | "warning" | "privacy", string>,
  illustrative: string,
  order: LearnerOrder | null,
  extra: MDXComponents,
) {
  const Content = mdxComponent(code);
  return (
    <Content
      components={{
        LessonStep,
        Quiz,
        Option,
        TrueFalse,
        Scenario,
        Situation,
        Choice,
        Checklist,
        Item,
        Steps,
        Step,
        KeyTerm,
        Callout: (props: { type: "tip" | "warning" | "privacy"; title?: string; children: ReactNode }) => (
          <Callout {...props} label={calloutLabel[props.type]} />
        ),
        Figure: (props: { src: string; alt: string; caption?: string }) => <Figure {...props} illustrative={illustrative} />,
        ...(order ? learnerOrderComponents(order) : {}),
        ...extra,
      }}
    />
  );
}
