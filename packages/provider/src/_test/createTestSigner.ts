import {
  createHardwareSigner,
  type DeviceOperation,
  type DeviceSignature,
  type HardwareSignerDriver,
  UnknownDeviceError,
  UnsupportedByDeviceError,
} from '@airlock/core'
import { type Hex, hashMessage, hashTypedData, keccak256, parseSignature } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { hashAuthorization } from 'viem/utils'

/** The public development mnemonic. TEST KEYS ONLY. */
export const testMnemonic = 'test test test test test test test test test test test junk'

/**
 * A `HardwareSigner` whose "device" is the test mnemonic in memory. `state.failNext` makes the next
 * device call throw; `state.calls` counts them. (Core's software signer does the same, with more
 * faults; this one needs nothing outside viem.) TEST KEYS ONLY.
 */
export function createTestSigner() {
  const state = { calls: [] as DeviceOperation[], failNext: undefined as unknown }

  function device(operation: DeviceOperation) {
    state.calls.push(operation)
    const error = state.failNext
    state.failNext = undefined
    if (error !== undefined) throw error
  }

  async function sign(path: string, hash: Hex): Promise<DeviceSignature> {
    const signature = parseSignature(await key(path).sign({ hash }))
    return { r: signature.r, s: signature.s, yParity: signature.yParity as 0 | 1 }
  }

  const key = (path: string) => mnemonicToAccount(testMnemonic, { path: path as never })

  const driver: HardwareSignerDriver = {
    source: 'ledger',
    async getCapabilities() {
      device('getCapabilities')
      return {
        transactionTypes: ['legacy', 'eip2930', 'eip1559', 'eip7702'],
        signMessage: true,
        signTypedData: 'full',
        signAuthorization: true,
        getExtendedPublicKey: false,
        displayAddress: true,
      }
    },
    async getAddress({ path }) {
      device('getAddress')
      return { address: key(path).address, publicKey: key(path).publicKey }
    },
    async getExtendedPublicKey() {
      throw new UnsupportedByDeviceError({
        operation: 'export extended public keys',
        reason: 'not emulated',
      })
    },
    async signTransaction({ path, serializedTransaction }) {
      device('signTransaction')
      return sign(path, keccak256(serializedTransaction))
    },
    async signMessage({ path, message }) {
      device('signMessage')
      return sign(path, hashMessage({ raw: message }))
    },
    async signTypedData({ path, typedData }) {
      device('signTypedData')
      return sign(path, hashTypedData(typedData as never))
    },
    async signAuthorization({ path, authorization }) {
      device('signAuthorization')
      return sign(path, hashAuthorization(authorization))
    },
    toError: (error, operation) => new UnknownDeviceError({ cause: error, details: operation }),
    async close() {},
  }
  return Object.assign(createHardwareSigner(driver), { state })
}
