import type { DeviceCapabilities, SignableTransactionType } from '@airlock/core'
import type { TrezorFeatures } from './types.js'

/**
 * What a Trezor can do for Ethereum through Connect 9.7, from its `Features`. The Model One (T1B1)
 * signs EIP-712 as two hashes; firmware minimums follow Connect's lib/data/config.js.
 */
export function toTrezorCapabilities(features: TrezorFeatures): DeviceCapabilities {
  const model = features.internal_model ?? undefined
  const version = [features.major_version, features.minor_version, features.patch_version]
  const isModelOne = model === 'T1B1' || features.major_version === 1
  const atLeast = (modelOne: number[], others: number[]) =>
    compare(version, isModelOne ? modelOne : others) >= 0
  const transactionTypes: SignableTransactionType[] = atLeast([1, 10, 4], [2, 4, 2])
    ? ['legacy', 'eip1559']
    : ['legacy']
  return {
    model,
    version: version.join('.'),
    transactionTypes,
    signMessage: true,
    signTypedData: atLeast([1, 10, 5], [2, 4, 3]) ? (isModelOne ? 'hashed' : 'full') : false,
    signAuthorization: false,
    getExtendedPublicKey: true,
    displayAddress: true,
  }
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
