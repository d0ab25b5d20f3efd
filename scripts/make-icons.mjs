// Draws the add-in's icons (a traffic light: red, yellow and green lamps on a dark-blue body)
// as PNG files in assets/, with no image library: pixels by hand, zlib for the PNG stream.
// Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const LAMPS = [
  { cy: 0.22, color: [209, 52, 56] },
  { cy: 0.5, color: [255, 185, 0] },
  { cy: 0.78, color: [16, 124, 16] },
];
function pixel(x, y, size) {
  const u = x / size, v = y / size;
  // Rounded body.
  const bx = 0.22, bw = 0.56, r = 0.14;
  const inBody = (() => {
    if (u < bx || u > bx + bw || v < 0.04 || v > 0.96) return false;
    const cx = Math.min(Math.max(u, bx + r), bx + bw - r);
    const cy = Math.min(Math.max(v, 0.04 + r), 0.96 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  })();
  for (const lamp of LAMPS) {
    if ((u - 0.5) ** 2 + (v - lamp.cy) ** 2 <= 0.11 ** 2) return [...lamp.color, 255];
  }
  return inBody ? [31, 56, 100, 255] : [0, 0, 0, 0];
}
for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size, pixel));
}
console.log("assets/icon-{16,32,64,80,128}.png skrevet");
