import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { isLowDataRequest } from "@/features/accounts/server/low-data";
import { TapToLoad } from "@/features/lessons/components/static";
import { StepHelp } from "./step-help";
import { GuideLegendItems } from "./guide-legend";
import { GuideMarks } from "./guide-marks";
import type { HandoutFormat } from "../handout-format";
import type { ScreenSize } from "../mark-geometry";

/** A guide published before badges had places has no bx and by: GuideMarks finds them a place. */
type HotspotProps = { n: number; x: number; y: number; bx?: number; by?: number; children: ReactNode };

/** A numbered mark on a step's screen: its target (x, y) and its badge (bx, by); GuideStep draws it on the screen and lists it in the legend. */
export function Hotspot(_props: HotspotProps) {
  return null;
}

/**
 * One step of a walkthrough: the illustrative screen with numbered marks on what to press, a
 * legend of the marks that reads without the image, then the instruction, what comes next,
 * common mistakes and (in client guides) what to tell the client.
 */
type GuideStepProps = {
  id: string;
  title: string;
  screen: string;
  alt: string;
  wide?: boolean;
  /** The screen's size ("360 720"), filled in at compile from an SVG's viewBox. */
  size?: string;
  children: ReactNode;
};

/** The step in the player, with a link to its screen enlarged and "I'm stuck" and "looks different" under it. */
export function playerGuideStep(walkthroughId: string, curatorName: string | null) {
  return function PlayerGuideStep(props: GuideStepProps) {
    return (
      <GuideStepView
        {...props}
        enlargeHref={enlargedScreenHref(walkthroughId, props.id)}
        help={<StepHelp walkthroughId={walkthroughId} stepId={props.id} curatorName={curatorName} />}
      />
    );
  };
}

/** The page of a guide's screens at full size, at one step's screen. */
export function enlargedScreenHref(walkthroughId: string, stepId: string): string {
  return `/walkthroughs/${walkthroughId}/screens#screen-${stepId}`;
}

/** "360 720" → its width and height, or null. */
export function screenSizeOf(size: string | undefined): ScreenSize | null {
  const [width, height] = (size ?? "").split(" ").map(Number);
  return width && height && width > 0 && height > 0 ? { width, height } : null;
}

/**
 * The same step on the printed handout: numbered, without the notes meant for the worker (common
 * mistakes, what to tell the client); its screen above the text (standard), small beside large
 * text (large print), or left out (text only: the legend still says what each mark was).
 */
export function printGuideStep(stepIds: string[], format: HandoutFormat = "standard") {
  return function PrintGuideStep(props: GuideStepProps) {
    return <GuideStepView {...props} number={stepIds.indexOf(props.id) + 1} print={format} />;
  };
}

async function GuideStepView({
  id,
  title,
  screen,
  alt,
  wide = false,
  size,
  children,
  number,
  print = false,
  help,
  enlargeHref,
}: GuideStepProps & { number?: number; print?: HandoutFormat | false; help?: ReactNode; enlargeHref?: string }) {
  const t = await getTranslations("walkthrough");
  const parts = Children.toArray(children);
  const hotspots = parts.filter((c): c is ReactElement<HotspotProps> => isValidElement(c) && c.type === Hotspot).map((h) => h.props);
  const rest = parts.filter((c) => !(isValidElement(c) && (c.type === Hotspot || (print && (c.type === Mistakes || c.type === TellClient)))));
  const picture = (
    <div className="relative mx-auto w-fit max-w-full">
      <img
        src={screen}
        alt={alt}
        loading={print ? "eager" : "lazy"}
        className={`block h-auto w-auto max-w-full rounded-lg border border-neutral-400 bg-white ${print ? "print-screen" : "max-h-[70vh]"}`}
      />
      <GuideMarks marks={hotspots.map((h) => ({ n: h.n, x: h.x, y: h.y, bx: h.bx ?? null, by: h.by ?? null }))} size={screenSizeOf(size)} />
    </div>
  );
  return (
    <div className={print ? "print-step" : undefined}>
      <h2 className={print ? "print-step-title font-bold" : "mb-3 text-xl font-bold"}>{number ? t("printStep", { n: number, title }) : title}</h2>
      <div className={print ? "print-step-body" : wide ? "grid gap-4" : "grid gap-4 md:grid-cols-[minmax(0,22rem)_1fr]"}>
        {print === "text" ? null : (
          <div className={print ? "print-figure" : undefined}>
            <figure className="m-0">
              {/* Printed handouts always show the screen; on a page in low-data mode it opens on tap. */}
              {!print && (await isLowDataRequest()) ? <TapToLoad label={t("showScreen")}>{picture}</TapToLoad> : picture}
              {print ? null : <figcaption className="mt-1 text-center text-sm text-muted">{t("illustrative")}</figcaption>}
            </figure>
            {enlargeHref ? (
              // On a phone the picture is small: the same screen and marks at full size, on a page of its own.
              <p className="text-center">
                <a href={enlargeHref} className="inline-block py-2">
                  {t("enlarge")}
                </a>
              </p>
            ) : null}
          </div>
        )}
        <div>
          <p className="mb-1 font-semibold" id={`legend-${id}`}>
            {t("onScreen")}
          </p>
          <ol className="guide-legend mb-4" aria-labelledby={`legend-${id}`}>
            <GuideLegendItems marks={hotspots.map((h) => ({ n: h.n, label: h.children }))} />
          </ol>
          <div>{rest}</div>
          {help}
        </div>
      </div>
    </div>
  );
}

export async function Expect({ children }: { children: ReactNode }) {
  const t = await getTranslations("walkthrough");
  return (
    <div className="guide-expect my-3 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
      <p className="font-semibold">{t("expect")}</p>
      <div>{children}</div>
    </div>
  );
}

export async function Mistakes({ children }: { children: ReactNode }) {
  const t = await getTranslations("walkthrough");
  return (
    <div className="my-3">
      <p className="font-semibold">{t("mistakes")}</p>
      <ul className="ml-5 list-disc">{children}</ul>
    </div>
  );
}

export function Mistake({ children }: { children: ReactNode }) {
  return <li className="mb-1">{children}</li>;
}

export async function TellClient({ children }: { children: ReactNode }) {
  const t = await getTranslations("walkthrough");
  return (
    <div className="my-3 rounded-md border-2 border-amber-700 bg-amber-50 p-3">
      <p className="font-semibold">{t("tellClient")}</p>
      <div className="text-lg">{children}</div>
    </div>
  );
}
