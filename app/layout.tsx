import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/ui/client-messages";
import "./globals.css";
import { SiteHeader } from "@/features/shell/components/site-header";
import { ServiceWorkerSetup } from "@/features/offline/components/service-worker-setup";
import { getEnv } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s — ${t("appName")}` },
    description: t("tagline"),
    icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5d3b" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ClientMessages namespaces={["common", "errorPage"]}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <ServiceWorkerSetup install={getEnv().NODE_ENV === "production"} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto w-full max-w-5xl px-4 py-6 text-sm text-muted">{t("footer")}</footer>
        </ClientMessages>
      </body>
    </html>
  );
}
