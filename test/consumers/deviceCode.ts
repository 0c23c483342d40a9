import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LoadedScript } from './pageTraffic.js'

/**
 * A string literal of each device package that survives minification, so a bundle chunk that
 * holds the package can be told by its text: an error class name, or Trezor Connect's origin.
 */
export const deviceCodeMarkers = {
  '@airlock/ledger': 'LedgerTransportUnavailableError',
  '@ledgerhq/errors': 'TransportStatusError',
  '@airlock/trezor': 'TrezorInitError',
  '@trezor/connect': 'connect.trezor.io',
} as const

export type DevicePackage = keyof typeof deviceCodeMarkers

/** The device packages whose code is in `scripts`. */
export function deviceCodeIn(scripts: readonly LoadedScript[]): DevicePackage[] {
  return (Object.keys(deviceCodeMarkers) as DevicePackage[]).filter((name) =>
    scripts.some((script) => script.source.includes(deviceCodeMarkers[name])),
  )
}

/** Whether the installed package's JavaScript holds its marker (that the marker is still right). */
export function packageHoldsMarker(projectDir: string, name: DevicePackage): boolean {
  const marker = deviceCodeMarkers[name]
  const files = readdirSync(join(projectDir, 'node_modules', name), { recursive: true })
  return files.some(
    (file) =>
      /\.[cm]?js$/.test(String(file)) &&
      !String(file).includes('node_modules') &&
      readFileSync(join(projectDir, 'node_modules', name, String(file)), 'utf8').includes(marker),
  )
}
