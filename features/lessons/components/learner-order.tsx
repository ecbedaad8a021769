import { Children, isValidElement, type ComponentProps, type ReactNode } from "react";
import { seededOrder } from "@/lib/seeded-order";
import { Choice, Option, Quiz, Scenario } from "./interactive";

/*
 * A Quiz's options and a Scenario's choices are shown in each person's own order, so "the right
 * answer is the second one" does not pass from colleague to colleague and an author's habit of
 * putting it first does not show. The order is a permutation seeded by the person, the lesson (or
 * guide) and the item: the lesson, a reload, the review session and a page kept for offline all
 * show the same order, and nothing is stored.
 *
 * The shuffle runs on the server, on the elements the compiled MDX made, before the HTML is
 * written: the HTML, the page without JavaScript and the hydrated page are one order. Each option
 * is moved whole with its own props (`correct`, `best`, `explanation`, `consequence`), and answers
 * are judged from those props and reported as the item's id and whether it was right
 * (answer-sink.tsx) — never by position — so records, scoring and the answer keys of decision 032
 * (which count options as written) do not depend on the order shown.
 */

/** Whose order, in which lesson or guide. */
export type LearnerOrder = { userId: string; contentId: string };

/** The seed of one item's order for one person (ids hold no NUL, so the parts cannot run together). */
export const itemOrderSeed = (order: LearnerOrder, itemId: string) => `${order.userId}\u0000${order.contentId}\u0000${itemId}`;

/**
 * The children with those of the `movable` component (an Option, a Choice) in the seed's order;
 * anything else (a Situation, text between them) stays where it was written. An option keeps the
 * key of its written place, so React never mistakes one option for another.
 */
export function inLearnerOrder(children: ReactNode, movable: unknown, seed: string): ReactNode[] {
  const written = Children.toArray(children);
  const slots = written.flatMap((child, i) => (isValidElement(child) && child.type === movable ? [i] : []));
  const order = seededOrder(slots.length, seed);
  const shown = [...written];
  slots.forEach((slot, k) => {
    shown[slot] = written[slots[order[k]!]!]!;
  });
  return shown;
}

/** Quiz and Scenario for the lesson components of one person's page (TrueFalse keeps true, then false). */
export function learnerOrderComponents(order: LearnerOrder) {
  return {
    Quiz: ({ children, ...props }: ComponentProps<typeof Quiz>) => <Quiz {...props}>{inLearnerOrder(children, Option, itemOrderSeed(order, props.id))}</Quiz>,
    Scenario: ({ children, ...props }: ComponentProps<typeof Scenario>) => (
      <Scenario {...props}>{inLearnerOrder(children, Choice, itemOrderSeed(order, props.id))}</Scenario>
    ),
  };
}
