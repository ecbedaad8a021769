// Types of bench/page-weight.mjs for the TypeScript benchmarks that import it.
export type PageWeightRow = {
  page: string;
  status: number | undefined;
  "HTML (KB)": string;
  "CSS (KB)": string;
  "JS (KB)": string;
  "other (KB)": string;
  /** Everything Chromium received over the wire (CDP encodedDataLength: headers and compressed bodies). */
  "received (KB)": string;
  "decoded (KB)": string;
  requests: number;
};
export type BrowserCookie = { name: string; value: string; url: string };
export function signInCookies(base: string, email: string | undefined, password: string | undefined): Promise<BrowserCookie[]>;
export function measurePageWeights(base: string, paths: string[], cookies?: BrowserCookie[]): Promise<PageWeightRow[]>;
