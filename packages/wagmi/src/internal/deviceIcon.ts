/**
 * A wallet picker's `data:` icon: a neutral device glyph (white strokes on a dark rounded square),
 * not a vendor's mark. `shape` is the glyph's SVG, drawn in a 32 × 32 box.
 */
export function deviceIcon(shape: string): string {
  return `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1c1c1e"/><g fill="none" stroke="#fff" stroke-width="2">${shape}</g></svg>`,
  )}`
}
