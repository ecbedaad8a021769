import type { TText } from "./framework-schema";

/**
 * Seed 001's survey questions, kept as the study asked them (English wording as published; the
 * Ukrainian is the study's own language). Changing them would break comparison with Table 2/3.
 */
export const PURPOSES: readonly { id: string; label: TText }[] = [
  { id: "interaction", label: { en: "Building interaction with service recipients", uk: "Побудова взаємодії з отримувачами послуг" } },
  { id: "informing", label: { en: "Informing the community about the organization's services", uk: "Інформування громади про послуги організації" } },
  { id: "communication", label: { en: "Prompt communication with recipients", uk: "Оперативна комунікація з отримувачами послуг" } },
  { id: "provision", label: { en: "Direct provision of social services", uk: "Безпосереднє надання соціальних послуг" } },
  { id: "searching", label: { en: "Searching for information necessary to provide the service", uk: "Пошук інформації, необхідної для надання послуги" } },
  { id: "development", label: { en: "Development of personal competencies", uk: "Розвиток власних компетентностей" } },
];

export const FREQUENCIES = ["ALWAYS", "OFTEN", "SOMETIMES", "NEVER"] as const;
export type TFrequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<TFrequency, TText> = {
  ALWAYS: { en: "Always", uk: "Завжди" },
  OFTEN: { en: "Often", uk: "Часто" },
  SOMETIMES: { en: "Sometimes", uk: "Іноді" },
  NEVER: { en: "Never", uk: "Ніколи" },
};

export const DIRECTIONS: readonly { id: string; label: TText }[] = [
  { id: "dissemination", label: { en: "Dissemination of information about social services", uk: "Поширення інформації про соціальні послуги" } },
  { id: "communication", label: { en: "Working communication with recipients of services", uk: "Робоча комунікація з отримувачами послуг" } },
  { id: "provision", label: { en: "Direct provision of social services and social work", uk: "Безпосереднє надання соціальних послуг і соціальна робота" } },
];

export const TOOLS: readonly { id: string; label: TText }[] = [
  { id: "website", label: { en: "Web site", uk: "Вебсайт" } },
  { id: "email", label: { en: "Email", uk: "Електронна пошта" } },
  { id: "viber-closed-groups", label: { en: "Closed group chats on Viber", uk: "Закриті групові чати у Viber" } },
  { id: "viber-communities", label: { en: "Open communities in Viber", uk: "Відкриті спільноти у Viber" } },
  { id: "telegram-groups", label: { en: "Telegram groups", uk: "Групи в Telegram" } },
  { id: "telegram-channels", label: { en: "Channels in Telegram", uk: "Канали в Telegram" } },
  { id: "youtube-personal", label: { en: "Personal YouTube channel", uk: "Особистий канал на YouTube" } },
  { id: "facebook-personal", label: { en: "Personal page on Facebook", uk: "Особиста сторінка у Facebook" } },
  { id: "facebook-professional", label: { en: "Professional page on Facebook", uk: "Професійна сторінка у Facebook" } },
  { id: "facebook-group", label: { en: "Facebook group", uk: "Група у Facebook" } },
  { id: "facebook-event", label: { en: "Facebook event", uk: "Подія у Facebook" } },
  { id: "instagram-personal", label: { en: "Personal profile on Instagram", uk: "Особистий профіль в Instagram" } },
  { id: "instagram-corporate", label: { en: "Corporate Instagram profile", uk: "Корпоративний профіль в Instagram" } },
  { id: "zoom", label: { en: "Zoom conferences and calls", uk: "Конференції та дзвінки в Zoom" } },
  { id: "meet", label: { en: "Meet conferences and calls", uk: "Конференції та дзвінки в Meet" } },
  { id: "skype", label: { en: "Skype conferences and calls", uk: "Конференції та дзвінки у Skype" } },
  { id: "sms", label: { en: "SMS mailing", uk: "SMS-розсилка" } },
  { id: "google-forms", label: { en: "Google Forms", uk: "Google Форми" } },
  { id: "google-docs", label: { en: "Google Docs", uk: "Google Документи" } },
  { id: "qr-code", label: { en: "QR code", uk: "QR-код" } },
];

export const PURPOSE_IDS = PURPOSES.map((p) => p.id);
export const TOOL_IDS = TOOLS.map((t) => t.id);
export const DIRECTION_IDS = DIRECTIONS.map((d) => d.id);
