import type { AuthoredKind } from "./schemas";

/**
 * The text a new item opens with: the frontmatter filled in, and a skeleton whose sentences say
 * what each part is for (the author replaces them). It passes the safety check, so it can be saved
 * at once; the content rules (a quiz, enough sections) are the author's to meet before review.
 */
export function starterText(kind: AuthoredKind, id: string, title: string, today: string): string {
  const safeTitle = title.replace(/"/g, "'");
  if (kind === "note") {
    return [
      "## Для кого і навіщо",
      "",
      "Кому адресована ця рекомендація і яку проблему практики вона допомагає розв'язати.",
      "",
      "## Що робити",
      "",
      "<Steps>",
      '  <Step title="Перший крок">Що зробити, ким і в який строк.</Step>',
      '  <Step title="Другий крок">Що перевірити і куди звернутися, якщо не виходить.</Step>',
      "</Steps>",
      "",
      '<Callout type="privacy">Нагадування про персональні дані клієнтів, якщо процедура їх стосується.</Callout>',
      "",
    ].join("\n");
  }
  if (kind === "walkthrough") {
    return [
      "---",
      `id: ${id}`,
      `title: "${safeTitle}"`,
      "summary: Коротко, що людина зможе зробити після цього гіда і для кого він.",
      "platform:",
      "  name: Назва платформи",
      "  url: https://example.gov.ua",
      "audience: client",
      "minutes: 5",
      "level: 2",
      'competences: ["SW.1"]',
      "tags: []",
      "verified: none",
      `updated: ${today}`,
      "---",
      "",
      "Що потрібно підготувати заздалегідь: пристрій, документи, коди доступу клієнта.",
      "",
    ].join("\n");
  }
  return [
    "---",
    `id: ${id}`,
    `title: "${safeTitle}"`,
    "summary: Одне-два речення про те, чого навчить урок і чому це важливо в роботі.",
    "minutes: 4",
    "level: 2",
    'competences: ["SW.1"]',
    "tags: []",
    `updated: ${today}`,
    "---",
    "",
    "Вступ: ситуація з практики соціального працівника, з якої починається урок.",
    "",
    "## Головне",
    "",
    "Пояснення по кроках, коротко і простими словами.",
    "",
  ].join("\n");
}
