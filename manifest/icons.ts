import { createRaster, encodePng, paint, roundedRect, stroke, type Rgba } from './png.js';

const TEAL: Rgba = [15, 108, 116, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [242, 169, 0, 255];

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** The 192×192 colour icon: a contract page on teal with an amber tick (Teams shows it in the store and app bar). */
export function colourIcon(): Buffer {
  const icon = createRaster(192, 192);
  paint(icon, TEAL, () => true);
  paint(icon, WHITE, roundedRect(50, 30, 134, 150, 8));
  for (const y of [58, 78, 98]) paint(icon, TEAL, roundedRect(66, y, 118, y + 8, 4));
  paint(icon, TEAL, roundedRect(66, 118, 98, 126, 4));
  paint(icon, TEAL, circle(132, 140, 30));
  paint(icon, AMBER, circle(132, 140, 25));
  paint(icon, WHITE, stroke([[119, 140], [128, 150], [146, 130]], 7));
  return encodePng(icon);
}

/** The 32×32 outline icon: white on a transparent background, as Teams requires. */
export function outlineIcon(): Buffer {
  const icon = createRaster(32, 32);
  paint(icon, WHITE, stroke([[8, 4], [22, 4], [22, 14]], 2));
  paint(icon, WHITE, stroke([[8, 4], [8, 27], [15, 27]], 2));
  paint(icon, WHITE, stroke([[12, 10], [18, 10]], 2));
  paint(icon, WHITE, stroke([[12, 15], [18, 15]], 2));
  paint(icon, WHITE, stroke([[17, 23], [21, 27], [28, 18]], 2.5));
  return encodePng(icon);
}
