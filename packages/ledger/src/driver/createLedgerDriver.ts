import {
  AppNotOpenError,
  type DeviceCapabilities,
  type DeviceContext,
  DeviceDisconnectedError,
  DeviceLockedError,
  type DeviceOperation,
  type HardwareSignerDriver,
  type SignTypedDataRequest,
  UnknownDeviceError,
  UnsupportedByDeviceError,
} from '@airlock/core'
import type Eth from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { getAddress, isAddressEqual } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { createEthereumApp, type EthereumApp } from '../app/createEthereumApp.js'
import * as statusWords from '../app/statusWords.js'
import type { EthereumAppSignature } from '../app/types.js'
import { fromHwAppEthSignature, toHwAppEthPath } from '../sdk/hwAppEthFormats.js'
import { loadHwAppEth } from '../sdk/loadHwAppEth.js'
import { loadHwAppEthEip712 } from '../sdk/loadHwAppEthEip712.js'
import { loadHwTransport } from '../sdk/loadHwTransport.js'
import type { LedgerTransport, LedgerTypedDataMode } from '../types.js'
import { chooseTypedDataMode } from './chooseTypedDataMode.js'
import { createLedgerConnection, type LedgerSession } from './createLedgerConnection.js'
import { hashTypedDataParts, toEip712Message } from './prepareTypedData.js'
import { refuseUnsupported } from './refuseUnsupported.js'
import { statusCodeOf } from './statusCodeOf.js'
import { toDeviceSignature } from './toDeviceSignature.js'
import { toLedgerCapabilities } from './toLedgerCapabilities.js'
import { toLedgerError } from './toLedgerError.js'
import { toTransactionYParity, toYParity } from './toYParity.js'

export type CreateLedgerDriverOptions = {
  transport?: LedgerTransport | undefined
  clearSigning?: boolean | undefined
  /** Called with the EIP-712 mode chosen, before each typed-data confirmation on the device. */
  onTypedDataMode?: ((mode: LedgerTypedDataMode) => void) | undefined
}

/** What one device call works with. */
type Call = {
  session: LedgerSession
  /** The transport for this call only; inert once the call is aborted. */
  link: Transport
  /** The Ethereum app's commands: addresses, blind transactions, messages, hashed EIP-712, EIP-7702. */
  app: EthereumApp
  /** hw-app-eth on this call's transport, loaded on first need: full EIP-712 and clear signing. */
  eth: () => Promise<Eth>
}

const messageParity = (v: number) => toYParity(v, { kind: 'message' })

/**
 * The Ledger half of a `HardwareSigner`: talks to the Ethereum app over hw-transport
 * (`app/createEthereumApp`), with hw-app-eth for full EIP-712 and clear signing. It refuses what
 * the app version cannot sign before sending any of it, and maps every error once, with
 * `toLedgerError`.
 */
export function createLedgerDriver(options: CreateLedgerDriverOptions = {}): HardwareSignerDriver {
  const { clearSigning = false, onTypedDataMode } = options
  const connection = createLedgerConnection(options.transport)

  async function run<result>(
    operation: DeviceOperation,
    context: DeviceContext,
    body: (call: Call) => Promise<result>,
  ): Promise<result> {
    let session: LedgerSession | undefined
    // An aborted call may still be waiting on the device: start afresh on the next call.
    const onAbort = () => session && connection.forget(session)
    context.signal.addEventListener('abort', onAbort, { once: true })
    try {
      const { CallTransport, Buffer } = await loadHwTransport()
      session = await connection.connect(context)
      const link = new CallTransport(session.transport, context.signal)
      const app = createEthereumApp(link, Buffer)
      const eth = async () => (await loadHwAppEth()).createEth(link, { clearSigning })
      return await body({ session, link, app, eth })
    } catch (cause) {
      if (context.signal.aborted) throw context.signal.reason
      const error = toLedgerError(cause, operation)
      if (error instanceof DeviceLockedError) context.status({ type: 'unlock-device' })
      if (error instanceof AppNotOpenError) {
        context.status({ type: 'open-app', appName: 'Ethereum' })
        if (session) session.version = undefined
      }
      if (error instanceof DeviceDisconnectedError && session) connection.forget(session)
      throw error
    } finally {
      context.signal.removeEventListener('abort', onAbort)
    }
  }

  async function readCapabilities({ session, app }: Call): Promise<DeviceCapabilities> {
    session.version ??= (await app.getAppConfiguration()).version
    return toLedgerCapabilities({
      version: session.version,
      model: session.transport.deviceModel?.id,
      fullTypedDataRefused: session.fullTypedDataRefused,
    })
  }

  /** Full EIP-712 through hw-app-eth: all of it with clear signing, its EIP-712 module without. */
  async function signFullTypedData(
    { eth, link }: Call,
    path: string,
    typedData: SignTypedDataRequest['typedData'],
  ): Promise<EthereumAppSignature> {
    const message = toEip712Message(typedData) as never
    const signature = clearSigning
      ? await (await eth()).signEIP712Message(toHwAppEthPath(path), message)
      : await (await loadHwAppEthEip712()).signEIP712Message(link, toHwAppEthPath(path), message)
    return fromHwAppEthSignature(signature)
  }

  return {
    source: 'ledger',
    name: 'Ledger',

    getCapabilities: (context) => run('getCapabilities', context, readCapabilities),

    getAddress: ({ path, display = false, chainId }, context) =>
      run('getAddress', context, async ({ app }) => {
        if (display)
          context.status({ type: 'confirm-on-device', operation: 'getAddress', display: 'clear' })
        const result = await app.getAddress(path, { display, chainCode: false, chainId })
        const { publicKey } = result
        const address = publicKeyToAddress(publicKey)
        if (!isAddressEqual(address, getAddress(result.address)))
          throw new UnknownDeviceError({
            details: `the device returned address ${result.address} for public key of ${address}`,
          })
        return { address, publicKey }
      }),

    getExtendedPublicKey: ({ path }, context) =>
      run('getExtendedPublicKey', context, async ({ app }) => {
        const result = await app.getAddress(path, { display: false, chainCode: true })
        return { publicKey: result.publicKey, chainCode: result.chainCode! }
      }),

    signTransaction: ({ path, transaction, serializedTransaction }, context) =>
      run('signTransaction', context, async (call) => {
        refuseUnsupported(await readCapabilities(call), {
          operation: 'signTransaction',
          type: transaction.type,
        })
        const transactionParity = (v: number) => toTransactionYParity(v, serializedTransaction)
        // Placeholder until the driver decides from its descriptors: calldata counts as blind.
        const display = transaction.data && transaction.data !== '0x' ? 'blind' : 'clear'
        if (!clearSigning) {
          context.status({ type: 'confirm-on-device', operation: 'signTransaction', display })
          const signature = await call.app.signTransaction(path, serializedTransaction)
          return toDeviceSignature(signature, transactionParity)
        }
        const raw = serializedTransaction.slice(2)
        const resolution = await (await loadHwAppEth()).resolveClearSigning(raw)
        context.status({ type: 'confirm-on-device', operation: 'signTransaction', display })
        const eth = await call.eth()
        const signature = await eth.signTransaction(toHwAppEthPath(path), raw, resolution)
        return toDeviceSignature(fromHwAppEthSignature(signature), transactionParity)
      }),

    signMessage: ({ path, message }, context) =>
      run('signMessage', context, async ({ app }) => {
        context.status({ type: 'confirm-on-device', operation: 'signMessage', display: 'clear' })
        return toDeviceSignature(await app.signPersonalMessage(path, message), messageParity)
      }),

    signTypedData: ({ path, typedData }, context) =>
      run('signTypedData', context, async (call) => {
        if (typedData.primaryType === 'EIP712Domain')
          throw new UnsupportedByDeviceError({
            operation: 'sign typed data whose primary type is EIP712Domain',
            reason: 'the Ethereum app signs a domain only together with a message',
          })
        const capabilities = await readCapabilities(call)
        refuseUnsupported(capabilities, { operation: 'signTypedData' })
        let mode = chooseTypedDataMode(capabilities, typedData)
        if (mode.mode === 'full') {
          onTypedDataMode?.(mode)
          context.status({
            type: 'confirm-on-device',
            operation: 'signTypedData',
            display: 'blind',
          })
          try {
            const signature = await signFullTypedData(call, path, typedData)
            return toDeviceSignature(signature, messageParity)
          } catch (error) {
            const code = statusCodeOf(error)
            // The app refused the payload (0x6A80), or has no full EIP-712 (0x6D00: Nano S, old app).
            if (code !== statusWords.incorrectData && code !== statusWords.insNotSupported)
              throw error
            if (code === statusWords.insNotSupported) call.session.fullTypedDataRefused = true
            mode = {
              mode: 'hashed',
              reason: `the app refused the full payload (0x${code.toString(16)})`,
            }
          }
        }
        const { domainSeparator, messageHash } = hashTypedDataParts(typedData)
        onTypedDataMode?.(mode)
        context.status({ type: 'confirm-on-device', operation: 'signTypedData', display: 'blind' })
        const signature = await call.app.signEip712Hashed(path, domainSeparator, messageHash)
        return toDeviceSignature(signature, messageParity)
      }),

    signAuthorization: ({ path, authorization }, context) =>
      run('signAuthorization', context, async (call) => {
        refuseUnsupported(await readCapabilities(call), { operation: 'signAuthorization' })
        context.status({
          type: 'confirm-on-device',
          operation: 'signAuthorization',
          display: 'blind',
        })
        const signature = await call.app.signAuthorization(path, authorization)
        return toDeviceSignature(signature, (v) => toYParity(v, { kind: 'typed' }))
      }),

    // `run` has mapped every error a call throws; core calls this only for what fails outside one.
    toError: toLedgerError,

    async close() {
      connection.close()
    },
  }
}
