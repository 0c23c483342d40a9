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
import { compareVersions } from '@airlock/core/utils'
import type Eth from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { getAddress, isAddressEqual } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { createEthereumApp, type EthereumApp } from '../app/createEthereumApp.js'
import type { Eip712TypedData } from '../app/eip712/signEip712Message.js'
import * as statusWords from '../app/statusWords.js'
import type { EthereumAppSignature } from '../app/types.js'
import { holdTransport } from '../sdk/holdTransport.js'
import { fromHwAppEthSignature, toHwAppEthPath } from '../sdk/hwAppEthFormats.js'
import { loadHwAppEth } from '../sdk/loadHwAppEth.js'
import { loadHwTransport } from '../sdk/loadHwTransport.js'
import type { LedgerTransport, LedgerTypedDataMode } from '../types.js'
import { chooseTypedDataMode } from './chooseTypedDataMode.js'
import { createLedgerConnection, type LedgerSession } from './createLedgerConnection.js'
import { type PreparedTokenDescriptor, prepareTokenDescriptor } from './prepareTokenDescriptor.js'
import { hashTypedDataParts, toEip712Message } from './prepareTypedData.js'
import {
  type PreparedTypedDataFilters,
  prepareTypedDataFilters,
} from './prepareTypedDataFilters.js'
import { refuseUnsupported } from './refuseUnsupported.js'
import { statusCodeOf } from './statusCodeOf.js'
import { toDeviceSignature } from './toDeviceSignature.js'
import { ledgerAppVersions, toLedgerCapabilities } from './toLedgerCapabilities.js'
import { toLedgerError } from './toLedgerError.js'
import { toTransactionYParity, toYParity } from './toYParity.js'
import { resolvedDisplay, transactionDisplay } from './transactionDisplay.js'

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
  /** hw-app-eth on this call's transport, loaded on first need: `clearSigning` through Ledger's services. */
  eth: () => Promise<Eth>
}

const messageParity = (v: number) => toYParity(v, { kind: 'message' })

const confirm = (operation: DeviceOperation) => ({ type: 'confirm-on-device', operation }) as const

/** How the app shows full EIP-712: filtered fields are clear, unfiltered ones only before 1.12.0. */
function typedDataDisplay(
  prepared: PreparedTypedDataFilters,
  version: string,
): { display: 'clear' | 'blind'; reason: string } {
  if (prepared.filters) return { display: 'clear', reason: prepared.reason }
  if (compareVersions(version, ledgerAppVersions.eip712FiltersRequired) < 0)
    return { display: 'clear', reason: `Ethereum app ${version} shows every field` }
  return {
    display: 'blind',
    reason: `${prepared.reason}: the device signs it only with blind signing (or verbose EIP-712) on`,
  }
}

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
    let release = () => {}
    // An aborted call may still be waiting on the device: start afresh on the next call.
    const onAbort = () => session && connection.forget(session)
    context.signal.addEventListener('abort', onAbort, { once: true })
    try {
      const { CallTransport, Buffer } = await loadHwTransport()
      session = await connection.connect(context)
      release = await holdTransport(session.transport, context.signal)
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
      release()
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

  /**
   * Sends a bundled token descriptor. The app checks Ledger's signature on it: one it refuses
   * (0x6A80: an app with another key, altered data) is left out, and the call shows blind.
   */
  async function provideTokenDescriptor(
    call: Call,
    token: PreparedTokenDescriptor | undefined,
  ): Promise<PreparedTokenDescriptor | undefined> {
    if (!token) return undefined
    try {
      await call.app.provideTokenInformation(token.token.payload)
      return token
    } catch (error) {
      if (statusCodeOf(error) !== statusWords.incorrectData) throw error
      return undefined
    }
  }

  /**
   * Full EIP-712: with the bundled filters of Ledger when it has them, else through hw-app-eth
   * and Ledger's services with `clearSigning`, else every field without filters.
   */
  async function signFullTypedData(
    call: Call,
    path: string,
    typedData: SignTypedDataRequest['typedData'],
    prepared: PreparedTypedDataFilters,
    context: DeviceContext,
  ): Promise<EthereumAppSignature> {
    const version = call.session.version!
    if (!prepared.filters && clearSigning) {
      context.status({
        ...confirm('signTypedData'),
        display: 'blind',
        reason: `${prepared.reason}; asking Ledger's services`,
      })
      const message = toEip712Message(typedData) as never
      const eth = await call.eth()
      return fromHwAppEthSignature(await eth.signEIP712Message(toHwAppEthPath(path), message))
    }
    context.status({ ...confirm('signTypedData'), ...typedDataDisplay(prepared, version) })
    return call.app.signEip712Message(path, typedData as Eip712TypedData, prepared.filters)
  }

  return {
    source: 'ledger',
    name: 'Ledger',

    getCapabilities: (context) => run('getCapabilities', context, readCapabilities),

    getAddress: ({ path, display = false, chainId }, context) =>
      run('getAddress', context, async ({ app }) => {
        if (display)
          context.status({ ...confirm('getAddress'), display: 'clear', reason: 'the address' })
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
        const token = await provideTokenDescriptor(call, await prepareTokenDescriptor(transaction))
        if (token || !clearSigning) {
          context.status({
            ...confirm('signTransaction'),
            ...transactionDisplay(transaction, token),
          })
          const signature = await call.app.signTransaction(path, serializedTransaction)
          return toDeviceSignature(signature, transactionParity)
        }
        const raw = serializedTransaction.slice(2)
        const resolution = await (await loadHwAppEth()).resolveClearSigning(raw)
        context.status({
          ...confirm('signTransaction'),
          ...resolvedDisplay(transaction, resolution),
        })
        const eth = await call.eth()
        const signature = await eth.signTransaction(toHwAppEthPath(path), raw, resolution)
        return toDeviceSignature(fromHwAppEthSignature(signature), transactionParity)
      }),

    signMessage: ({ path, message }, context) =>
      run('signMessage', context, async ({ app }) => {
        context.status({ ...confirm('signMessage'), display: 'clear', reason: 'the message text' })
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
          const prepared = await prepareTypedDataFilters(typedData, capabilities.version!)
          onTypedDataMode?.(mode)
          try {
            const signature = await signFullTypedData(call, path, typedData, prepared, context)
            return toDeviceSignature(signature, messageParity)
          } catch (error) {
            const code = statusCodeOf(error)
            // The app refused the payload (0x6A80) or, with filters, a filter (0x6A00, 0x6A88: it
            // checks their signatures), or has no full EIP-712 (0x6D00: Nano S, old app).
            const refusedFilters =
              prepared.filters !== undefined &&
              (code === statusWords.parameterErrorNoInfo ||
                code === statusWords.referencedDataNotFound)
            if (
              code !== statusWords.incorrectData &&
              code !== statusWords.insNotSupported &&
              !refusedFilters
            )
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
        context.status({
          ...confirm('signTypedData'),
          display: 'blind',
          reason: `the device shows only the domain and message hashes: ${mode.reason}`,
        })
        const signature = await call.app.signEip712Hashed(path, domainSeparator, messageHash)
        return toDeviceSignature(signature, messageParity)
      }),

    signAuthorization: ({ path, authorization }, context) =>
      run('signAuthorization', context, async (call) => {
        refuseUnsupported(await readCapabilities(call), { operation: 'signAuthorization' })
        context.status({
          ...confirm('signAuthorization'),
          display: 'clear',
          reason: 'the delegate and its chain',
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
