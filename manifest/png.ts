import { PNG } from 'pngjs';

/** An RGBA raster, drawn into with the helpers below and encoded as PNG by pngjs. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row by row, straight (not premultiplied) alpha. */
  readonly pixels: Uint8Array;
}

export type Rgba = readonly [number, number, number, number];

export function createRaster(width: number, height: number): Raster {
  return { width, height, pixels: new Uint8Array(width * height * 4) };
}

/**
 * Paints every pixel by coverage: `shape(x, y)` says whether a point is inside. Each pixel is
 * sampled 4×4 times so edges are anti-aliased; the colour is blended over what is there.
 */
export function paint(raster: Raster, colour: Rgba, shape: (x: number, y: number) => boolean): void {
  const samples = 4;
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) if (shape(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) inside++;
      }
      if (inside === 0) continue;
      const alpha = (colour[3] / 255) * (inside / (samples * samples));
      const i = (y * raster.width + x) * 4;
      const under = (raster.pixels[i + 3] ?? 0) / 255;
      const out = alpha + under * (1 - alpha);
      for (let c = 0; c < 3; c++) {
        const blended = (colour[c]! * alpha + (raster.pixels[i + c] ?? 0) * under * (1 - alpha)) / (out || 1);
        raster.pixels[i + c] = Math.round(blended);
      }
      raster.pixels[i + 3] = Math.round(out * 255);
    }
  }
}

/** Inside a rectangle with rounded corners. */
export function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** Within `width / 2` of the polyline through `points`. */
export function stroke(points: readonly (readonly [number, number])[], width: number): (x: number, y: number) => boolean {
  const half = width / 2;
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= half * half) return true;
    }
    return false;
  };
}

/**
 * A PNG file (8-bit RGBA), encoded by pngjs. Filter 0 on every row: the icons are tiny, and it
 * keeps the file simple for the test that reads the pixels back.
 */
export function encodePng(raster: Raster): Buffer {
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.pixels.buffer, raster.pixels.byteOffset, raster.pixels.byteLength);
  return PNG.sync.write(png, { colorType: 6, inputColorType: 6, filterType: 0 });
}
