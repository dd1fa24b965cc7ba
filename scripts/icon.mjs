// Draws the extension's icon, images/icon.png (128 × 128): a cluster of firms, linked to each
// other and to a larger node in the middle, local government as the network's broker (the
// paper's picture of a cluster). Drawn here, not in an editor, so the file can be remade and its
// origin is plain; run `node scripts/icon.mjs` after changing it. Writes a PNG with Node's zlib.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis, for smooth edges
const BACKGROUND = [31, 95, 91];
const LINK = [168, 214, 206];
const FIRM = [255, 255, 255];
const BROKER = [242, 184, 75];

const centre = { x: 64, y: 64 };
const firms = [0, 1, 2, 3, 4, 5].map((i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 3;
  return { x: 64 + 40 * Math.cos(a), y: 64 + 40 * Math.sin(a) };
});
// Every firm is linked to the broker and to its neighbours: the network, not a hub alone.
const links = [...firms.map((f) => [centre, f]), ...firms.map((f, i) => [f, firms[(i + 1) % firms.length]])];

/** Distance from p to the segment ab. */
function toSegment(p, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Inside the rounded square that the background fills. */
function inBackground(p) {
  const r = 22;
  const qx = Math.max(Math.abs(p.x - 64) - (64 - r), 0);
  const qy = Math.max(Math.abs(p.y - 64) - (64 - r), 0);
  return Math.hypot(qx, qy) <= r;
}

/** The colour at one point, or undefined outside the icon (transparent). */
function colourAt(p) {
  if (!inBackground(p)) return undefined;
  if (Math.hypot(p.x - centre.x, p.y - centre.y) <= 17) return BROKER;
  if (firms.some((f) => Math.hypot(p.x - f.x, p.y - f.y) <= 11)) return FIRM;
  if (links.some(([a, b]) => toSegment(p, a, b) <= 2.6)) return LINK;
  return BACKGROUND;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt({ x: x + (sx + 0.5) / SAMPLES, y: y + (sy + 0.5) / SAMPLES });
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a++;
      }
    }
    const o = 1 + x * 4;
    if (a) {
      row[o] = Math.round(r / a);
      row[o + 1] = Math.round(g / a);
      row[o + 2] = Math.round(b / a);
      row[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  rows.push(row);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'images', 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
