import type { DeviceCapabilities } from '@airlock/core'
import { compareVersions } from '@airlock/core/utils'
import type { TrezorFeatures } from '../types.js'
import { type TrezorFirmwareMinimum, trezorFirmwareMinimums } from './trezorFirmwareMinimums.js'

/**
 * What a Trezor can do for Ethereum through Connect 9.7, from its `Features`. The driver keeps to
 * it: what it leaves out is refused with `UnsupportedByDeviceError` before any signing message
 * reaches the device, by `buildSignTransactionRequest` (EIP-2930, EIP-7702 and blob transactions),
 * by the driver (authorizations) or by Connect's firmware check (EIP-1559 and EIP-712 on older
 * firmware). The Model One (T1B1) signs EIP-712 as two hashes: Connect sends it the hashes Airlock
 * always includes.
 */
export function toTrezorCapabilities(features: TrezorFeatures): DeviceCapabilities {
  const model = features.internal_model ?? undefined
  const version = `${features.major_version}.${features.minor_version}.${features.patch_version}`
  const isModelOne = model === 'T1B1' || features.major_version === 1
  const supports = (minimum: TrezorFirmwareMinimum) =>
    compareVersions(version, isModelOne ? minimum.T1B1 : minimum.T2T1) >= 0
  return {
    model,
    version,
    transactionTypes: supports(trezorFirmwareMinimums.eip1559) ? ['legacy', 'eip1559'] : ['legacy'],
    signMessage: true,
    signTypedData: supports(trezorFirmwareMinimums.eip712)
      ? isModelOne
        ? 'hashed'
        : 'full'
      : false,
    signAuthorization: false,
    getExtendedPublicKey: true,
    displayAddress: true,
  }
}
