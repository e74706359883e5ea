// Just enough PNG decoding (node:zlib) to check a screenshot: its size, and whether it shows
// anything (8-bit RGB or RGBA, not interlaced — what Chromium writes).
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** Bytes per pixel (3 for RGB, 4 for RGBA). */
  channels: number;
  /** Unfiltered pixel rows, `width * channels` bytes each. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, without decoding the image. */
export function pngSize(file: Buffer): { width: number; height: number } {
  if (!file.subarray(0, 8).equals(SIGNATURE) || file.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit truecolour PNG into unfiltered rows. */
export function decodePng(file: Buffer): DecodedPng {
  const { width, height } = pngSize(file);
  const bitDepth = file[24];
  const colourType = file[25];
  const interlace = file[28];
  if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const inflated = inflateSync(Buffer.concat(idat));
  // Plain typed arrays of this realm: indexing a Buffer from jest's sandbox is many times slower.
  const raw = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    const up = out - stride;
    // One loop per filter type: this runs for millions of bytes.
    switch (filter) {
      case 0:
        pixels.set(raw.subarray(src, src + stride), out);
        break;
      case 1:
        for (let x = 0; x < stride; x += 1) pixels[out + x] = (raw[src + x] + (x >= channels ? pixels[out + x - channels] : 0)) & 0xff;
        break;
      case 2:
        for (let x = 0; x < stride; x += 1) pixels[out + x] = (raw[src + x] + (y > 0 ? pixels[up + x] : 0)) & 0xff;
        break;
      case 3:
        for (let x = 0; x < stride; x += 1) {
          const a = x >= channels ? pixels[out + x - channels] : 0;
          const b = y > 0 ? pixels[up + x] : 0;
          pixels[out + x] = (raw[src + x] + ((a + b) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let x = 0; x < stride; x += 1) {
          const a = x >= channels ? pixels[out + x - channels] : 0;
          const b = y > 0 ? pixels[up + x] : 0;
          const c = x >= channels && y > 0 ? pixels[up + x - channels] : 0;
          pixels[out + x] = (raw[src + x] + paeth(a, b, c)) & 0xff;
        }
        break;
      default:
        throw new Error(`bad PNG filter ${filter} on row ${y}`);
    }
  }
  return { width, height, channels, pixels };
}

/**
 * How much rows `top` to `bottom` (exclusive) of the picture vary: the standard deviation of
 * luminance and the number of distinct colours (counted up to 10,000).
 */
export function pixelStats(png: DecodedPng, top = 0, bottom = png.height): { stddev: number; colours: number } {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  const colours = new Set<number>();
  // Every other pixel of every other row: a 2× screenshot has no detail finer than that.
  for (let y = top; y < bottom; y += 2) {
    for (let x = 0; x < png.width; x += 2) {
      const p = (y * png.width + x) * png.channels;
      const r = png.pixels[p];
      const g = png.pixels[p + 1];
      const b = png.pixels[p + 2];
      const lum = 0.299 * r + 0.587 * g + 0.114 * b;
      sum += lum;
      sumSq += lum * lum;
      n += 1;
      if (colours.size < 10000) colours.add((r << 16) | (g << 8) | b);
    }
  }
  const mean = sum / n;
  return { stddev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), colours: colours.size };
}
