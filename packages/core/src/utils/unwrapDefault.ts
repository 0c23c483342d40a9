/**
 * The export a CommonJS package meant: bundlers and Node's loaders wrap `module.exports` in one or
 * two `default`s, depending on which loads it. Returns the first level `isValue` accepts, or
 * `undefined`.
 */
export function unwrapDefault<value>(
  module: unknown,
  isValue: (candidate: unknown) => boolean,
): value | undefined {
  let current = module
  for (let depth = 0; depth < 3 && current != null; depth++) {
    if (isValue(current)) return current as value
    current = (current as { default?: unknown }).default
  }
  return undefined
}
