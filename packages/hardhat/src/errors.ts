import { BaseError } from '@airlock/core'
import type { Address } from 'viem'

export type UnlockedDeviceAccountErrorType = UnlockedDeviceAccountError & {
  name: 'UnlockedDeviceAccountError'
}
/**
 * A device account is also unlocked on the node, which would sign for it with its own key and
 * never ask the device.
 */
export class UnlockedDeviceAccountError extends BaseError {
  readonly address: Address
  readonly network: string
  constructor({ address, network }: { address: Address; network: string }) {
    super(
      `Device account ${address} is also unlocked on network "${network}"; refusing to start.`,
      {
        details: 'the node would sign for it with its own key, without the device',
        metaMessages: [
          'Use another mnemonic or account index on the device. The emulator defaults to Hardhat’s test mnemonic: give `airlock.emulator.mnemonic` another one, or remove the key from the network’s `accounts`.',
        ],
        name: 'UnlockedDeviceAccountError',
      },
    )
    this.address = address
    this.network = network
  }
}

export type DeviceAccountNotFoundErrorType = DeviceAccountNotFoundError & {
  name: 'DeviceAccountNotFoundError'
}
/** An `address` account is not among the device's first accounts of any scheme. */
export class DeviceAccountNotFoundError extends BaseError {
  readonly address: Address
  constructor({
    address,
    device,
    searchLimit,
  }: {
    address: Address
    device: string
    searchLimit: number
  }) {
    super(`Account ${address} is not on the ${device}.`, {
      details: `searched the first ${searchLimit} accounts of the bip44, legacy and Ledger Live paths`,
      metaMessages: [
        'Check the device, its passphrase and the address, or give the account as `{ device, index, scheme }` or `{ device, path }` (or raise `airlock.searchLimit`).',
      ],
      name: 'DeviceAccountNotFoundError',
    })
    this.address = address
  }
}

export type DevicePackageMissingErrorType = DevicePackageMissingError & {
  name: 'DevicePackageMissingError'
}
/** The network names a device whose Airlock package is not installed. */
export class DevicePackageMissingError extends BaseError {
  readonly packageName: string
  constructor({ packageName, cause }: { packageName: string; cause: unknown }) {
    super(`${packageName} is needed for this network's device accounts but could not be loaded.`, {
      cause,
      metaMessages: [`Install it: npm install --save-dev ${packageName}`],
      name: 'DevicePackageMissingError',
    })
    this.packageName = packageName
  }
}
