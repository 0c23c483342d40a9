import { secp256k1 } from '@noble/curves/secp256k1'
import { HDKey } from '@scure/bip32'
import { mnemonicToSeedSync } from '@scure/bip39'
import { type Hex, hashMessage, hashTypedData, keccak256, toHex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { hashAuthorization } from 'viem/utils'
import { UnknownDeviceError, UnsupportedByDeviceError } from '../errors/device.js'
import {
  type CreateHardwareSignerOptions,
  createHardwareSigner,
  type HardwareSignerDriver,
} from '../signer/createHardwareSigner.js'
import type {
  DeviceCapabilities,
  DeviceOperation,
  DeviceSignature,
  HardwareSigner,
} from '../signer/types.js'

/** The public development mnemonic. TEST KEYS ONLY. */
export const testMnemonic = 'test test test test test test test test test test test junk'

export type SoftwareSignerFault = 'wrong-key' | 'wrong-parity' | 'corrupt-r' | 'high-s'

export type SoftwareSignerOptions = CreateHardwareSignerOptions & {
  mnemonic?: string
  capabilities?: Partial<DeviceCapabilities>
  /** Faults applied to every signature until cleared. */
  fault?: SoftwareSignerFault | undefined
  /** Waits this long (ms) in every device call, or forever with `'forever'`. */
  delay?: number | 'forever'
  /** Makes the next device call fail with this error. */
  failNext?: unknown
  /** The address the device would show; defaults to the real one. */
  displayedAddress?: Hex
}

/**
 * A `HardwareSigner` whose "device" is a key in memory, for core's tests. It records every call so
 * tests can count device exchanges. TEST KEYS ONLY.
 */
export function createSoftwareSigner(options: SoftwareSignerOptions = {}) {
  const state = { ...options, calls: [] as { operation: DeviceOperation; path?: string }[] }
  const seed = mnemonicToSeedSync(options.mnemonic ?? testMnemonic)
  const root = HDKey.fromMasterSeed(seed)

  const capabilities: DeviceCapabilities = {
    model: 'software',
    transactionTypes: ['legacy', 'eip2930', 'eip1559', 'eip7702'],
    signMessage: true,
    signTypedData: 'full',
    signAuthorization: true,
    getExtendedPublicKey: true,
    displayAddress: true,
    ...options.capabilities,
  }

  async function device(operation: DeviceOperation, path: string | undefined, signal: AbortSignal) {
    state.calls.push({ operation, path })
    if (state.failNext !== undefined) {
      const error = state.failNext
      state.failNext = undefined
      throw error
    }
    if (state.delay === 'forever')
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      )
    else if (state.delay) await new Promise((resolve) => setTimeout(resolve, state.delay as number))
  }

  function signHash(path: string, hash: Hex): DeviceSignature {
    const key = state.fault === 'wrong-key' ? root.derive("m/44'/60'/0'/0/99") : root.derive(path)
    const signature = secp256k1.sign(hash.slice(2), key.privateKey!, { lowS: true })
    let { r, s } = signature
    let yParity = signature.recovery as 0 | 1
    if (state.fault === 'wrong-parity') yParity = (1 - yParity) as 0 | 1
    if (state.fault === 'corrupt-r') r ^= 1n
    if (state.fault === 'high-s') {
      s = secp256k1.CURVE.n - s
      yParity = (1 - yParity) as 0 | 1
    }
    return { r: toHex(r, { size: 32 }), s: toHex(s, { size: 32 }), yParity }
  }

  const driver: HardwareSignerDriver = {
    source: 'software',
    name: 'Software signer (tests)',
    async getCapabilities({ signal }) {
      await device('getCapabilities', undefined, signal)
      return capabilities
    },
    async getAddress({ path, display }, { signal, status }) {
      await device('getAddress', path, signal)
      if (display) status({ type: 'confirm-on-device', operation: 'getAddress', display: 'clear' })
      const account = mnemonicToAccount(options.mnemonic ?? testMnemonic, { path: path as never })
      return {
        address:
          display && state.displayedAddress ? (state.displayedAddress as Hex) : account.address,
        publicKey: account.publicKey,
      }
    },
    async getExtendedPublicKey({ path }, { signal }) {
      if (!capabilities.getExtendedPublicKey)
        throw new UnsupportedByDeviceError({
          operation: 'export extended public keys',
          reason: 'disabled in this test signer',
        })
      await device('getExtendedPublicKey', path, signal)
      const key = root.derive(path)
      return { publicKey: toHex(key.publicKey!), chainCode: toHex(key.chainCode!) }
    },
    async signTransaction({ path, transaction, serializedTransaction }, { signal, status }) {
      // Like a device without contract metadata: calldata is shown raw.
      status(
        transaction.data && transaction.data !== '0x'
          ? {
              type: 'confirm-on-device',
              operation: 'signTransaction',
              display: 'blind',
              reason: 'contract data the device cannot decode',
            }
          : { type: 'confirm-on-device', operation: 'signTransaction', display: 'clear' },
      )
      await device('signTransaction', path, signal)
      return signHash(path, keccak256(serializedTransaction))
    },
    async signMessage({ path, message }, { signal, status }) {
      // The screen first, then the answer: a fault set while the user reviews fails this call.
      status({ type: 'confirm-on-device', operation: 'signMessage', display: 'clear' })
      await device('signMessage', path, signal)
      return signHash(path, hashMessage({ raw: message }))
    },
    async signTypedData({ path, typedData }, { signal, status }) {
      status(
        capabilities.signTypedData === 'hashed'
          ? {
              type: 'confirm-on-device',
              operation: 'signTypedData',
              display: 'blind',
              reason: 'only the domain and message hashes',
            }
          : { type: 'confirm-on-device', operation: 'signTypedData', display: 'clear' },
      )
      await device('signTypedData', path, signal)
      return signHash(path, hashTypedData(typedData as Parameters<typeof hashTypedData>[0]))
    },
    async signAuthorization({ path, authorization }, { signal, status }) {
      status({ type: 'confirm-on-device', operation: 'signAuthorization', display: 'clear' })
      await device('signAuthorization', path, signal)
      return signHash(path, hashAuthorization(authorization))
    },
    toError: (error, operation) =>
      new UnknownDeviceError({ cause: error, details: `${operation} failed` }),
    async close() {},
  }
  const signer: HardwareSigner = createHardwareSigner(driver, options)
  return Object.assign(signer, { state })
}
