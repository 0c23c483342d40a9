import { describeValue } from '@airlock/core'
import { InvalidManifestError } from '../errors.js'
import type { TrezorManifest } from '../types.js'

/**
 * Checks the manifest Trezor Connect requires (`appName`, `appUrl`, `email`), so that a bad one
 * fails here, with the field named, not at the first call: @trezor/connect 9.7.3
 * lib/data/connectSettings.js:31-34 drops a manifest without `email` or `appUrl`, and `init` then
 * fails with `Init_ManifestMissing`.
 */
export function validateManifest(manifest: unknown): TrezorManifest {
  if (!manifest || typeof manifest !== 'object')
    throw new InvalidManifestError({ reason: 'Trezor Connect requires a manifest' })
  const { appName, appUrl, email, appIcon } = manifest as Record<string, unknown>
  if (typeof appName !== 'string' || appName.trim() === '')
    throw new InvalidManifestError({ reason: '"appName" must be a non-empty string' })
  if (typeof appUrl !== 'string' || !isHttpUrl(appUrl))
    throw new InvalidManifestError({
      reason: `"appUrl" must be an http(s) URL, got ${describeValue(appUrl)}`,
    })
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email))
    throw new InvalidManifestError({
      reason: `"email" must be an email address, got ${describeValue(email)}`,
    })
  if (appIcon !== undefined && typeof appIcon !== 'string')
    throw new InvalidManifestError({ reason: '"appIcon" must be a URL string when set' })
  return { appName, appUrl, email, ...(appIcon !== undefined ? { appIcon } : {}) }
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}
