import type { LedgerDevice } from '../device.js'

/**
 * Whether the open app's version is at least `minimum` (`major.minor.patch`; a pre-release suffix
 * such as `-dev` is ignored). The dashboard counts as 0.0.0.
 */
export function appVersionAtLeast(device: LedgerDevice, minimum: string): boolean {
  const parse = (version: string) =>
    version
      .split('-')[0]!
      .split('.')
      .map((part) => Number(part) || 0)
  const have = parse(device.app === 'dashboard' ? '0.0.0' : device.app.version)
  const want = parse(minimum)
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0
    const b = want[i] ?? 0
    if (a !== b) return a > b
  }
  return true
}
