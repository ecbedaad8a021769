import type { MetadataRoute } from "next";

/**
 * The web app manifest (decision 036): Skhodynky installs as an app on a phone or a computer and
 * opens on Today; with the service worker, what the person opened or saved opens offline.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Сходинки — цифрові навички для соціальної роботи",
    short_name: "Сходинки",
    description: "Щоденні мікроуроки, покрокові довідники державних е-послуг і спільнота соціальних працівників. Працює й тоді, коли зникає інтернет.",
    lang: "uk",
    dir: "ltr",
    start_url: "/today",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#ffffff",
    theme_color: "#0b5d3b",
    categories: ["education", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: "Сьогодні", url: "/today" },
      { name: "Повторення", url: "/review" },
      { name: "На цьому пристрої", url: "/saved" },
    ],
  };
}
