import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "./db/client";
import { getEnv } from "./env";

export type Mail = { to: string; subject: string; text: string };

let transporter: Transporter | undefined;

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes to the local outbox that admins read
 * at /admin/outbox, so invitations and resets work in a demo and in tests. Never logs contents.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    transporter ??= nodemailer.createTransport(env.SMTP_URL);
    await transporter.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  await getDb().outboxMail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
}
