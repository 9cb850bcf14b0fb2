// Gzip sizes as a server would send them (node:zlib, level 9), for the bench's bundle figures.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Bytes of `file` after gzip -9. */
export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Kilobytes (1,024 bytes), to one decimal. */
export function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}
