/**
 * An erased account (decision 051) stays as an anonymous tombstone row: the same neutral name for
 * everyone, an address and a handle made from its id that reach nobody and that no person can
 * choose (chosen handles are at most 30 characters; these are longer), so nothing of the person is
 * left in it and nothing can resolve to it. Pure: shared by the erasure and the pages that show
 * authors.
 */

/** The name every erased account keeps: what the Ukrainian pages show where no translation is chosen. */
export const ERASED_NAME = "Колишній учасник";

/** `.invalid` is reserved (RFC 2606): mail to it goes nowhere. */
export const erasedEmail = (userId: string): string => `erased-${userId}@erased.invalid`;

export const erasedHandle = (userId: string): string => `erased-${userId.toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 40).replace(/[^a-z0-9]+$/, "");

/** A person's name as others see it, or null for an erased account ("a former member" in the reader's language). */
export function nameUnlessErased(person: { name: string; status: string }): string | null {
  return person.status === "ERASED" ? null : person.name;
}
