/**
 * A wallet picker's `data:` icon: a neutral device glyph (white strokes on a dark rounded square),
 * not a vendor's mark. `shape` is the glyph's SVG, drawn in a 16 × 16 box.
 */
export function deviceIcon(shape: string): string {
  return `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4"/><g fill="none" stroke="#fff">${shape}</g></svg>`,
  )}`
}
