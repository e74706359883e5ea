// A small SVG-path rasteriser and PNG writer in plain Node (node:zlib), enough for TDesign's icons:
// paths of M/L/H/V/C/S/Q/Z commands, filled (non-zero) or stroked (miter joins, butt or square
// caps), anti-aliased by 4 × 4 supersampling, written as an 8-bit PNG (indexed when it can be).
import { deflateSync } from 'node:zlib';

const SS = 4;
const CURVE_STEPS = 16;
const MITER_LIMIT = 4;

/** `d` → subpaths of points (curves flattened), each with whether it is closed. */
export function parsePath(d) {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const paths = [];
  let current = null;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let lastCtrl = null;
  let cmd = '';
  let i = 0;
  const num = () => Number(tokens[i++]);
  const lineTo = (nx, ny) => {
    current.points.push([nx, ny]);
    x = nx;
    y = ny;
  };
  const cubic = (x1, y1, x2, y2, x3, y3) => {
    const [x0, y0] = [x, y];
    for (let s = 1; s <= CURVE_STEPS; s += 1) {
      const t = s / CURVE_STEPS;
      const u = 1 - t;
      current.points.push([
        u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
        u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
      ]);
    }
    x = x3;
    y = y3;
    lastCtrl = [x2, y2];
  };
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i])) cmd = tokens[i++];
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    const c = cmd.toUpperCase();
    if (c !== 'C' && c !== 'S') lastCtrl = null;
    if (c === 'M') {
      current = { points: [], closed: false };
      paths.push(current);
      lineTo(ox + num(), oy + num());
      [startX, startY] = [x, y];
      cmd = rel ? 'l' : 'L';
    } else if (c === 'L') lineTo(ox + num(), oy + num());
    else if (c === 'H') lineTo(ox + num(), y);
    else if (c === 'V') lineTo(x, oy + num());
    else if (c === 'C') cubic(ox + num(), oy + num(), ox + num(), oy + num(), ox + num(), oy + num());
    else if (c === 'S') {
      const [cx, cy] = lastCtrl ? [2 * x - lastCtrl[0], 2 * y - lastCtrl[1]] : [x, y];
      cubic(cx, cy, ox + num(), oy + num(), ox + num(), oy + num());
    } else if (c === 'Q') {
      const [qx, qy, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num()];
      cubic(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey);
    } else if (c === 'Z') {
      current.closed = true;
      [x, y] = [startX, startY];
      current = { points: [[x, y]], closed: false };
      paths.push(current);
    } else throw new Error(`icons: path command ${cmd} is not supported`);
  }
  // Drop repeated points (a Z back onto the start) and empty subpaths.
  return paths
    .map((p) => ({ ...p, points: p.points.filter((q, k, a) => k === 0 || Math.hypot(q[0] - a[k - 1][0], q[1] - a[k - 1][1]) > 1e-6) }))
    .map((p) =>
      p.closed && p.points.length > 2 && Math.hypot(p.points[0][0] - p.points.at(-1)[0], p.points[0][1] - p.points.at(-1)[1]) < 1e-6
        ? { ...p, points: p.points.slice(0, -1) }
        : p,
    )
    .filter((p) => p.points.length > 1);
}

/** A coverage grid of `size × size` pixels, SS × SS samples each. */
function grid(size) {
  return { n: size * SS, cells: new Uint8Array(size * SS * size * SS) };
}

/** Non-zero fill of the subpaths (every subpath closed for filling). */
function fill(g, subpaths, scale) {
  const edges = subpaths.flatMap(({ points }) => points.map((p, k) => [p, points[(k + 1) % points.length]]));
  for (let sy = 0; sy < g.n; sy += 1) {
    const y = (sy + 0.5) / SS / scale;
    const xs = [];
    for (const [[x0, y0], [x1, y1]] of edges) {
      if (y0 <= y === y1 <= y) continue;
      xs.push([x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), y1 > y0 ? 1 : -1]);
    }
    xs.sort((a, b) => a[0] - b[0]);
    let winding = 0;
    for (let k = 0; k < xs.length - 1; k += 1) {
      winding += xs[k][1];
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(xs[k][0] * scale * SS - 0.5));
      const to = Math.min(g.n - 1, Math.floor(xs[k + 1][0] * scale * SS - 0.5));
      for (let sx = from; sx <= to; sx += 1) g.cells[sy * g.n + sx] = 1;
    }
  }
}

/** Marks the samples inside a convex polygon (points in icon units). */
function convex(g, poly, scale) {
  const pts = poly.map(([px, py]) => [px * scale * SS, py * scale * SS]);
  let area = 0;
  for (let k = 0; k < pts.length; k += 1) area += pts[k][0] * pts[(k + 1) % pts.length][1] - pts[(k + 1) % pts.length][0] * pts[k][1];
  if (Math.abs(area) < 1e-9) return;
  const sign = Math.sign(area);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  for (let sy = Math.max(0, Math.floor(Math.min(...ys))); sy <= Math.min(g.n - 1, Math.ceil(Math.max(...ys))); sy += 1) {
    for (let sx = Math.max(0, Math.floor(Math.min(...xs))); sx <= Math.min(g.n - 1, Math.ceil(Math.max(...xs))); sx += 1) {
      const [cx, cy] = [sx + 0.5, sy + 0.5];
      let inside = true;
      for (let k = 0; k < pts.length && inside; k += 1) {
        const [ax, ay] = pts[k];
        const [bx, by] = pts[(k + 1) % pts.length];
        if (sign * ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) < 0) inside = false;
      }
      if (inside) g.cells[sy * g.n + sx] = 1;
    }
  }
}

/** Stroke of the subpaths: a rectangle per segment, a miter (or bevel) per join, square or butt caps. */
function stroke(g, subpaths, scale, width, cap) {
  const h = width / 2;
  for (const { points, closed } of subpaths) {
    const n = points.length;
    const segs = closed ? n : n - 1;
    const dir = (k) => {
      const [a, b] = [points[k % n], points[(k + 1) % n]];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      return [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    };
    for (let k = 0; k < segs; k += 1) {
      let [a, b] = [points[k], points[(k + 1) % n]];
      const [dx, dy] = dir(k);
      if (cap === 'square' && !closed) {
        if (k === 0) a = [a[0] - dx * h, a[1] - dy * h];
        if (k === segs - 1) b = [b[0] + dx * h, b[1] + dy * h];
      }
      const [nx, ny] = [-dy * h, dx * h];
      convex(
        g,
        [
          [a[0] + nx, a[1] + ny],
          [b[0] + nx, b[1] + ny],
          [b[0] - nx, b[1] - ny],
          [a[0] - nx, a[1] - ny],
        ],
        scale,
      );
    }
    for (let k = closed ? 0 : 1; k < (closed ? n : n - 1); k += 1) {
      const v = points[k];
      const [ax, ay] = dir((k - 1 + n) % n);
      const [bx, by] = dir(k);
      const turn = ax * by - ay * bx;
      if (Math.abs(turn) < 1e-9) continue;
      const side = turn > 0 ? -1 : 1; // the outer side of the turn
      const pa = [v[0] - ay * h * side, v[1] + ax * h * side];
      const pb = [v[0] - by * h * side, v[1] + bx * h * side];
      const cos = ax * bx + ay * by;
      const miter = 1 / Math.sqrt((1 + cos) / 2); // miter length / half width
      if (miter > MITER_LIMIT || !Number.isFinite(miter)) convex(g, [v, pa, pb], scale);
      else {
        const [mx, my] = [(pa[0] + pb[0]) / 2 - v[0], (pa[1] + pb[1]) / 2 - v[1]];
        const ml = Math.hypot(mx, my);
        const tip = [v[0] + (mx / ml) * h * miter, v[1] + (my / ml) * h * miter];
        convex(g, [v, pa, tip, pb], scale);
      }
    }
  }
}

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Renders a TDesign icon SVG (24 × 24 view box; `currentColor` fills and strokes) at `size` px in
 * `colour` (#rrggbb): the rows of RGBA pixels.
 */
export function renderSvg(svg, size, colour) {
  const box = (attr(svg, 'view-box') ?? attr(svg, 'viewBox') ?? '0 0 24 24').split(/[\s,]+/).map(Number);
  const scale = size / box[2];
  const g = grid(size);
  for (const m of svg.matchAll(/<path\b[^>]*>/g)) {
    const tag = m[0];
    const subpaths = parsePath(attr(tag, 'd') ?? '').map((p) => ({ ...p, points: p.points.map(([px, py]) => [px - box[0], py - box[1]]) }));
    if (attr(tag, 'fill') === 'currentColor') fill(g, subpaths, scale);
    if (attr(tag, 'stroke') === 'currentColor')
      stroke(g, subpaths, scale, Number(attr(tag, 'stroke-width') ?? 1), attr(tag, 'stroke-linecap') ?? 'butt');
  }
  const [r, gg, b] = [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16));
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let covered = 0;
      for (let sy = 0; sy < SS; sy += 1) for (let sx = 0; sx < SS; sx += 1) covered += g.cells[(py * SS + sy) * g.n + px * SS + sx];
      const o = (py * size + px) * 4;
      rgba.set([r, gg, b, Math.round((covered / (SS * SS)) * 255)], o);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An 8-bit PNG of RGBA pixels: indexed (PLTE + tRNS, one byte a pixel) when at most 256 colours
 * occur — an icon's one colour at its few coverage levels — else truecolour with alpha.
 * Returns the file and its unfiltered scanlines (what the IDAT holds, compressed).
 */
export function encodePng(rgba, width, height) {
  const colours = new Map();
  for (let i = 0; i < width * height; i += 1) {
    const key = Buffer.from(rgba.buffer, rgba.byteOffset + i * 4, 4).readUInt32BE(0);
    if (!colours.has(key)) colours.set(key, colours.size);
    if (colours.size > 256) break;
  }
  const indexed = colours.size <= 256;
  const bpp = indexed ? 1 : 4;
  const raw = Buffer.alloc((width * bpp + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      const o = y * (width * bpp + 1) + 1 + x * bpp;
      if (indexed) raw[o] = colours.get(Buffer.from(rgba.buffer, rgba.byteOffset + i * 4, 4).readUInt32BE(0));
      else Buffer.from(rgba.buffer, rgba.byteOffset + i * 4, 4).copy(raw, o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, indexed ? 3 : 6, 0, 0, 0], 8);
  const chunks = [chunk('IHDR', ihdr)];
  if (indexed) {
    const keys = [...colours.keys()];
    chunks.push(chunk('PLTE', Buffer.from(keys.flatMap((k) => [k >>> 24, (k >>> 16) & 255, (k >>> 8) & 255]))));
    chunks.push(chunk('tRNS', Buffer.from(keys.map((k) => k & 255))));
  }
  chunks.push(chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { png: Buffer.concat([signature, ...chunks]), raw };
}
