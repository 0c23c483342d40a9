import { describeValue } from '../errors/describeValue.js'
import { InvalidPathError } from '../errors/request.js'
import { formatPath } from './formatPath.js'
import type { DerivationPath } from './parsePath.js'

/** The derivation-path schemes that Ethereum wallets use. */
export type PathScheme = 'ledgerLive' | 'bip44' | 'legacy'

/** Ledger Live: `m/44'/60'/i'/0/0`, one hardened account level per account. */
export function ledgerLive(index: number): DerivationPath {
  return formatPath(`m/44'/60'/${checkedIndex(index, 'ledgerLive')}'/0/0`)
}

/** BIP-44 as MetaMask and Trezor Suite use it: `m/44'/60'/0'/0/i`. */
export function bip44(index: number): DerivationPath {
  return formatPath(`m/44'/60'/0'/0/${checkedIndex(index, 'bip44')}`)
}

/** Ledger's legacy (MEW/MyCrypto) scheme: `m/44'/60'/0'/i`. */
export function legacy(index: number): DerivationPath {
  return formatPath(`m/44'/60'/0'/${checkedIndex(index, 'legacy')}`)
}

export const pathSchemes = { ledgerLive, bip44, legacy } as const satisfies Record<
  PathScheme,
  (index: number) => DerivationPath
>

/**
 * For `bip44` and `legacy`, every account is a non-hardened child of one parent, so a page of
 * accounts can be derived from the parent's extended public key.
 */
export const schemeParents: Record<PathScheme, DerivationPath | undefined> = {
  ledgerLive: undefined,
  bip44: "m/44'/60'/0'/0",
  legacy: "m/44'/60'/0'",
}

function checkedIndex(index: number, scheme: PathScheme): number {
  if (!Number.isInteger(index) || index < 0 || index >= 0x80000000)
    throw new InvalidPathError({
      path: `${scheme}(${describeValue(index)})`,
      reason: `"index" expected integer in range 0..2**31-1, got ${describeValue(index)}`,
    })
  return index
}
