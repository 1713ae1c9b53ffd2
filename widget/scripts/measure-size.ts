/** Raw, gzip (level 9) and brotli (max quality) byte counts: the numbers the size budget is about. */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export function measureSize(content: string | Uint8Array): Sizes {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
