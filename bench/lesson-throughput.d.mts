// Types of bench/lesson-throughput.mjs for the TypeScript benchmarks that import it.
export type ThroughputRow = {
  page: string;
  requests: number;
  "req/s": number;
  "p50 ms": number;
  "p95 ms": number;
  "p99 ms": number;
  /** 0, or how many requests failed and how (status×count, network×count). */
  errors: number | string;
  /** Bytes of each response as received (headers and the body as the server compressed it). */
  "KB/req": number;
  "MB total": number;
};
export function measureThroughput(
  base: string,
  path: string,
  options?: { cookie?: string; connections?: number; duration?: number; warmup?: number },
): Promise<ThroughputRow>;
