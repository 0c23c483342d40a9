/**
 * "Acme": a third vendor's device and driver, written only against @airlock/core's public API, the
 * way a vendor outside this repository would. Its "device" is a key in memory. TEST KEYS ONLY.
 */
import {
  type CreateHardwareSignerOptions,
  createHardwareSigner,
  DeviceDisconnectedError,
  DeviceLockedError,
  type DeviceSignature,
  type HardwareSignerDriver,
  UnknownDeviceError,
  UnsupportedByDeviceError,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { type Hex, hashMessage, hashTypedData, keccak256, parseSignature } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'

const testMnemonic = 'test test test test test test test test test test test junk'

/** What the Acme device answers with, as its own SDK would: status codes, not Airlock errors. */
class AcmeStatus extends Error {
  constructor(readonly status: 'REJECTED' | 'LOCKED' | 'GONE' | 'BROKEN') {
    super(`Acme status ${status}`)
  }
}

export function createAcmeDevice(options: Pick<CreateHardwareSignerOptions, 'blindSigning'> = {}) {
  const state = {
    locked: false,
    plugged: true,
    rejectNext: false,
    hanging: false,
    opened: 0,
    /** Signing requests the device received. */
    signing: 0,
  }

  /** One device request: what a real SDK's transport exchange would do. */
  async function exchange(signal: AbortSignal) {
    if (!state.plugged) throw new AcmeStatus('GONE')
    if (state.hanging)
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      )
    if (state.locked) throw new AcmeStatus('LOCKED')
  }

  async function sign(
    path: string,
    hash: Hex,
    { signal, status }: Parameters<HardwareSignerDriver['signMessage']>[1],
    operation: 'signTransaction' | 'signMessage' | 'signTypedData' | 'signAuthorization',
    blind?: string,
  ): Promise<DeviceSignature> {
    await exchange(signal)
    // Before the signing request: under `blindSigning: 'refuse'` a blind one throws here.
    status(
      blind
        ? { type: 'confirm-on-device', operation, display: 'blind', reason: blind }
        : { type: 'confirm-on-device', operation, display: 'clear' },
    )
    state.signing++
    // The user reviews on the device; the cable can go meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1))
    if (!state.plugged) throw new AcmeStatus('GONE')
    if (state.rejectNext) {
      state.rejectNext = false
      throw new AcmeStatus('REJECTED')
    }
    const account = mnemonicToAccount(testMnemonic, { path: path as never })
    const { r, s, yParity } = parseSignature(await account.sign({ hash }))
    return { r, s, yParity: yParity as 0 | 1 }
  }

  const driver: HardwareSignerDriver = {
    source: 'acme',
    name: 'Acme',
    async getCapabilities({ signal }) {
      await exchange(signal)
      return {
        model: 'acme-1',
        transactionTypes: ['legacy', 'eip1559'],
        signMessage: true,
        signTypedData: 'full',
        signAuthorization: false,
        getExtendedPublicKey: false,
        displayAddress: false,
      }
    },
    async getAddress({ path }, { signal }) {
      await exchange(signal)
      state.opened++
      const { address, publicKey } = mnemonicToAccount(testMnemonic, { path: path as never })
      return { address, publicKey }
    },
    async getExtendedPublicKey() {
      throw new UnknownDeviceError({ details: 'Acme devices do not export extended keys' })
    },
    async signTransaction({ path, serializedTransaction, transaction }, context) {
      if (transaction.type !== 'legacy' && transaction.type !== 'eip1559')
        throw new UnsupportedByDeviceError({
          operation: `sign ${transaction.type} transactions`,
        })
      // The Acme shows recipient and amount; calldata only as raw bytes.
      const blind =
        transaction.data && transaction.data !== '0x'
          ? 'Acme shows calldata as raw bytes'
          : undefined
      return sign(path, keccak256(serializedTransaction), context, 'signTransaction', blind)
    },
    signMessage: ({ path, message }, context) =>
      sign(path, hashMessage({ raw: message }), context, 'signMessage'),
    signTypedData: ({ path, typedData }, context) =>
      sign(path, hashTypedData(typedData as never), context, 'signTypedData'),
    async signAuthorization({ authorization }) {
      throw new UnsupportedByDeviceError({
        operation: 'sign EIP-7702 authorizations',
        reason: `Acme firmware cannot (asked for ${authorization.address})`,
      })
    },
    toError(error) {
      const status = (error as Partial<AcmeStatus>).status
      if (status === 'REJECTED')
        return new UserRejectedOnDeviceError({
          cause: error,
          metaMessages: ['Press OK on the Acme.'],
        })
      if (status === 'LOCKED') return new DeviceLockedError({ cause: error })
      if (status === 'GONE') return new DeviceDisconnectedError({ cause: error })
      return new UnknownDeviceError({ cause: error })
    },
    async close() {},
  }

  return {
    state,
    signer: createHardwareSigner(driver, { timeout: 60_000, ...options }),
    controls: {
      rejectNext: () => void Object.assign(state, { rejectNext: true }),
      lock: () => void Object.assign(state, { locked: true }),
      unplug: () => void Object.assign(state, { plugged: false }),
      hang: () => void Object.assign(state, { hanging: true }),
      restore: () => void Object.assign(state, { locked: false, plugged: true, hanging: false }),
    },
  }
}
