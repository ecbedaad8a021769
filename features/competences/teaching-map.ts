/**
 * What teaches each competence: the lessons and walkthroughs whose frontmatter lists it in
 * `competences`. The framework's own `resources` fields are empty and a published version is never
 * edited (decision 007), so this map, derived from the content, is what links a competence to what
 * teaches it — content:check requires every competence of the current framework in it, and a gap
 * links to its entries.
 */
export function teachingMap<T extends { competences: readonly string[] }>(items: Iterable<T>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const competence of new Set(item.competences)) map.set(competence, [...(map.get(competence) ?? []), item]);
  }
  return map;
}
