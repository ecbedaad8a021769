// Draws the app's icons into public/icons/ (run by hand when the design changes; the PNGs are kept
// in the repository): a green square with three white steps rising to the right — "Сходинки",
// little steps. Plain PNG written here, so no image tool is needed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const GREEN = [0x0b, 0x5d, 0x3b];
const WHITE = [0xff, 0xff, 0xff];

/** The steps, in a 0–1 square: [x0, y0, x1, y1] of each white block (the safe zone of a maskable icon is the middle 80 %). */
const STEPS = [
  [0.22, 0.6, 0.4, 0.76],
  [0.4, 0.44, 0.58, 0.76],
  [0.58, 0.28, 0.78, 0.76],
];

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `rounded`: transparent corners (a plain icon); otherwise full-bleed (maskable, the platform cuts the shape). */
function png(size, rounded) {
  const radius = rounded ? size * 0.18 : 0;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const outside = radius > 0 && Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius;
      const step = STEPS.some(([x0, y0, x1, y1]) => u >= x0 && u < x1 && v >= y0 && v < y1);
      const [r, g, b] = step ? WHITE : GREEN;
      row.set([r, g, b, outside ? 0 : 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = join(process.cwd(), "public", "icons");
writeFileSync(join(out, "icon-192.png"), png(192, true));
writeFileSync(join(out, "icon-512.png"), png(512, true));
writeFileSync(join(out, "maskable-512.png"), png(512, false));
writeFileSync(join(out, "apple-touch-icon.png"), png(180, false));
const rects = STEPS.map(
  ([x0, y0, x1, y1]) => `<rect x="${x0 * 64}" y="${y0 * 64}" width="${((x1 - x0) * 64).toFixed(2)}" height="${((y1 - y0) * 64).toFixed(2)}" fill="#fff"/>`,
).join("");
writeFileSync(
  join(out, "icon.svg"),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="11.5" fill="#0b5d3b"/>${rects}</svg>\n`,
);
console.info("Icons written to public/icons/.");
