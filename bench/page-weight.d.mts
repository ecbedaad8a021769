// Types of bench/page-weight.mjs for the TypeScript benchmarks that import it.
export type PageWeightRow = {
  page: string;
  status: number | undefined;
  "HTML (KB)": string;
  "CSS (KB)": string;
  "JS (KB)": string;
  "images (KB)": string;
  /** Fonts, the RSC and API requests hydration makes, the manifest: all but the document, styles, scripts and images. */
  "other (KB)": string;
  /** Everything Chromium received over the wire (CDP encodedDataLength: headers and compressed bodies). */
  "received (KB)": string;
  "decoded (KB)": string;
  requests: number;
};
export type BrowserCookie = { name: string; value: string; domain: string; path: string; secure: boolean };
export function signInCookies(base: string, email: string | undefined, password: string | undefined): Promise<BrowserCookie[]>;
export function measurePageWeights(base: string, paths: string[], cookies?: BrowserCookie[]): Promise<PageWeightRow[]>;
export type RepeatVisitRow = {
  page: string;
  status: number | undefined;
  /** Whether a service worker controlled the page before the counted second load. */
  controlled: boolean;
  "page (KB)": string | null;
  "service worker (KB)": string | null;
  /** What the second load received over the network, the page's and its service worker's; null without a service worker. */
  "received (KB)": string | null;
  /** Of which pictures (screens, icons): left out of the budget, as on the cold load. */
  "images (KB)": string | null;
  /** Responses that carried bytes over the network. */
  network: number;
  /** The page's responses its service worker answered. */
  "from the worker": number;
};
export function measureRepeatVisits(
  base: string,
  paths: string[],
  cookies?: BrowserCookie[],
  options?: { controlTimeoutMs?: number },
): Promise<RepeatVisitRow[]>;
