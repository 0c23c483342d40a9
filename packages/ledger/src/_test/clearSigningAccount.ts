/**
 * The clear-signing tests' account: an emulated Flex that trusts the TEST PKI root and CAL's test
 * keys, a `toLedgerAccount` on it with the given descriptors, and the confirmations it reported.
 */
import type { DeviceStatus } from '@airlock/core'
import {
  calPublicKeyOf,
  createLedgerEmulator,
  type LedgerEmulatorOptions,
  testPublicKeyOf,
} from '@airlock/emulator'
import { testClearSigningKeys as keys } from '@airlock/fixtures/clearSigningContracts'
import { type Address, type Hex, parseGwei } from 'viem'
import type { LedgerDescriptors } from '../clearSigning/types.js'
import { toLedgerAccount } from '../toLedgerAccount.js'

/** A device that trusts the test keys (a real Ledger trusts only Ledger's). */
export const testKeysDevice = {
  pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
  calPublicKey: calPublicKeyOf(keys.erc20),
  nftPublicKey: calPublicKeyOf(keys.nft),
} satisfies LedgerEmulatorOptions

export async function clearSigningAccount(
  descriptors: LedgerDescriptors[] | undefined,
  options: { policy?: 'allow' | 'refuse' } & Omit<LedgerEmulatorOptions, 'blindSigning'> = {},
) {
  const { policy: blindSigning, ...device } = options
  const emulator = createLedgerEmulator({ ...testKeysDevice, model: 'flex', ...device })
  const statuses: DeviceStatus[] = []
  const account = await toLedgerAccount({
    transport: emulator.transport,
    path: "m/44'/60'/0'/0/0",
    ...(descriptors ? { descriptors } : {}),
    ...(blindSigning ? { blindSigning } : {}),
  })
  account.signer.onStatus((status) => statuses.push(status))
  emulator.clearLogs()
  const confirmations = () => statuses.filter((s) => s.type === 'confirm-on-device')
  return { emulator, account, confirmations }
}

/** An EIP-1559 call on chain 1 with fixed fees. */
export const describedCall = (to: Address, data: Hex) =>
  ({
    type: 'eip1559',
    chainId: 1,
    nonce: 0,
    gas: 200_000n,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    to,
    data,
  }) as const
