import {
  type HardwareAccount,
  type ToHardwareAccountParameters,
  toHardwareAccount,
} from '@airlock/core'
import { type CreateLedgerSignerOptions, createLedgerSigner } from './createLedgerSigner.js'

export type ToLedgerAccountParameters = CreateLedgerSignerOptions & ToHardwareAccountParameters

/**
 * Connects to a Ledger and returns the viem account at `path` (or `index` in `scheme`). Reads the
 * address from the device; every signature is checked against it.
 */
export function toLedgerAccount(
  parameters: ToLedgerAccountParameters,
): Promise<HardwareAccount<'ledger'>> {
  return toHardwareAccount(createLedgerSigner(parameters), parameters)
}
