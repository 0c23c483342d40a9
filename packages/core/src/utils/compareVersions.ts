/**
 * Compares two `major.minor.patch` versions (a firmware's or a device app's): negative when `a` is
 * older, 0 when equal, positive when newer. Prerelease suffixes are ignored; missing parts are 0.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) =>
    version
      .split(/[.-]/)
      .slice(0, 3)
      .map((part) => Number.parseInt(part, 10) || 0)
  const [x, y] = [parse(a), parse(b)]
  for (let i = 0; i < 3; i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
