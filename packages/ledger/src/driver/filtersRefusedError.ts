import { UnsupportedByDeviceError } from '@airlock/core'

/**
 * The app refused Ledger's signed filters (or a token descriptor they use) after Airlock had told the
 * UI the message would show in clear. It ends the request: retrying in hashed mode would follow a
 * `clear` report with a `blind` one, and an app that does not trust Ledger's key (another key, an
 * altered bundle) should not be worked around.
 */
export function filtersRefusedError(code: number, cause: unknown): UnsupportedByDeviceError {
  return new UnsupportedByDeviceError({
    operation: "clear-sign this message with Ledger's filters",
    reason: `the Ethereum app refused their signature (0x${code.toString(16)})`,
    metaMessages: [
      'Nothing was signed. Update the Ethereum app in Ledger Live (My Ledger), then try again.',
    ],
    cause,
  })
}
