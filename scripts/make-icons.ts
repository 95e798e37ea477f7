/**
 * Draws Sila's icon, two interlocked rings (صلة means "link") in white on a teal rounded square, and writes
 * public/icons/icon-{16,32,48,128}.png. No image tools needed: shapes are signed distances, anti-aliased by
 * supersampling, and the PNG is encoded with node:zlib. Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { repoRoot } from './paths';

type RGBA = [number, number, number, number];

const TEAL_TOP: RGBA = [20, 160, 146, 255];
const TEAL_BOTTOM: RGBA = [13, 110, 104, 255];
const WHITE: RGBA = [255, 255, 255, 255];

/** Signed distance to a rounded square of half-size h and corner radius r, centred at 0.5. */
function roundedSquare(x: number, y: number, h: number, r: number): number {
  const qx = Math.abs(x - 0.5) - (h - r);
  const qy = Math.abs(y - 0.5) - (h - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a ring (annulus) of radius r and half-thickness t. */
function ring(x: number, y: number, cx: number, cy: number, r: number, t: number): number {
  return Math.abs(Math.hypot(x - cx, y - cy) - r) - t;
}

/** The colour at a point of the unit square, for an icon of `size` pixels. */
function sample(x: number, y: number, size: number): RGBA | null {
  // Small sizes fill the square (they are shown tiny); 48 and 128 leave the margin the stores expect.
  const half = size <= 32 ? 0.5 : size === 48 ? 0.46 : 0.44;
  if (roundedSquare(x, y, half, half * 0.42) > 0) return null;
  const bg: RGBA = TEAL_TOP.map((c, i) => Math.round(c + (TEAL_BOTTOM[i] - c) * y)) as RGBA;

  // Thicker strokes at small sizes so the rings survive at 16 px.
  const small = size <= 16;
  const t = small ? 0.062 : size <= 32 ? 0.058 : 0.05;
  const r = small ? 0.235 : 0.205;
  const offset = small ? 0.15 : 0.118;
  const gap = small ? 0.062 : 0.04;
  const a = ring(x, y, 0.5 - offset, 0.5, r, t);
  const b = ring(x, y, 0.5 + offset, 0.5, r, t);
  // Interlock: the left ring passes over the right one at the top crossing and under it at the bottom one.
  const [top, under] = y < 0.5 ? [a, b] : [b, a];
  if (top <= 0) return WHITE;
  if (under <= 0 && top > gap) return WHITE;
  return bg;
}

function render(size: number): Buffer {
  const ss = size <= 32 ? 8 : 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None), then RGBA
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, alpha = 0;
      for (let sy = 0; sy < ss; sy += 1) {
        for (let sx = 0; sx < ss; sx += 1) {
          const c = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; alpha += 1;
        }
      }
      const o = 1 + px * 4;
      if (alpha > 0) {
        row[o] = Math.round(r / alpha);
        row[o + 1] = Math.round(g / alpha);
        row[o + 2] = Math.round(b / alpha);
        row[o + 3] = Math.round((255 * alpha) / (ss * ss));
      }
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = resolve(repoRoot, 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const file = resolve(outDir, `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(`wrote ${file}`);
}
