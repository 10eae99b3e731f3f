// Draws images/icon.png (128×128): a deep-blue rounded square holding a white helm wheel with a check mark at
// its hub. Shapes are signed-distance functions sampled 4×4 per pixel for smooth edges; the PNG is written by
// hand with node:zlib, so the icon needs no image tools and the same script always yields the same bytes.
// Usage: node scripts/make-icon.mjs [out.png]
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SAMPLES = 4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.resolve(process.argv[2] ?? path.join(root, 'images/icon.png'));

// --- Shapes: each returns the signed distance from (x, y) to its edge, negative inside. ---

function roundedSquare(x, y, center, half, radius) {
  const qx = Math.abs(x - center) - half + radius;
  const qy = Math.abs(y - center) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function ring(x, y, cx, cy, radius, thickness) {
  return Math.abs(Math.hypot(x - cx, y - cy) - radius) - thickness / 2;
}

function disc(x, y, cx, cy, radius) {
  return Math.hypot(x - cx, y - cy) - radius;
}

/** A line from (ax, ay) to (bx, by) with round ends. */
function capsule(x, y, ax, ay, bx, by, width) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - width / 2;
}

// --- The design, in pixel units on the 128 grid. ---

const C = SIZE / 2;
const WHEEL_RADIUS = 31;
const SPOKES = 8;
// Spokes start at the hub's edge and end in a handle beyond the rim, like a ship's wheel.
const spokes = Array.from({ length: SPOKES }, (_, i) => {
  const angle = (i / SPOKES) * 2 * Math.PI - Math.PI / 2;
  return { cos: Math.cos(angle), sin: Math.sin(angle) };
});

function inWheel(x, y) {
  let d = ring(x, y, C, C, WHEEL_RADIUS, 7);
  for (const { cos, sin } of spokes) {
    d = Math.min(d, capsule(x, y, C + cos * 15, C + sin * 15, C + cos * 45, C + sin * 45, 6));
    d = Math.min(d, disc(x, y, C + cos * 46, C + sin * 46, 5));
  }
  return Math.min(d, ring(x, y, C, C, 16, 5));
}

/** The check mark inside the hub: Kubewright's findings cleared. */
function inCheck(x, y) {
  return Math.min(capsule(x, y, C - 7, C + 1, C - 2, C + 6, 4.5), capsule(x, y, C - 2, C + 6, C + 8, C - 5, 4.5));
}

const TOP = [37, 99, 235]; // blue
const BOTTOM = [23, 37, 84]; // deep navy
const WHITE = [255, 255, 255];

/** Colour and coverage of one sample point, or null outside the tile. */
function sample(x, y) {
  if (roundedSquare(x, y, C, 60, 24) > 0) return null;
  if (inWheel(x, y) <= 0 || inCheck(x, y) <= 0) return WHITE;
  const t = y / SIZE;
  return TOP.map((top, i) => top + (BOTTOM[i] - top) * t);
}

function renderPixels() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
        }
      }
      const at = (py * SIZE + px) * 4;
      // Colour is averaged over covered samples only (straight, not premultiplied, alpha as PNG wants).
      for (let i = 0; i < 3; i++) rgba[at + i] = covered ? Math.round(sum[i] / covered) : 0;
      rgba[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return rgba;
}

// --- PNG: signature, IHDR, one IDAT, IEND. ---

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filtering, no interlace
  const rowBytes = width * 4;
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (rowBytes + 1)] = 0; // filter: none
    rgba.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = encodePng(renderPixels(), SIZE, SIZE);
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, png);
console.log(`make-icon: ${path.relative(process.cwd(), outFile)}, ${png.length} bytes`);
