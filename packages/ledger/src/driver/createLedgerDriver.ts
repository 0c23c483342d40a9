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
import { type Address, getAddress, isAddressEqual } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { createEthereumApp, type EthereumApp } from '../app/createEthereumApp.js'
import type { Eip712TypedData } from '../app/eip712/signEip712Message.js'
import type { AppConfiguration as AppSettings } from '../app/getAppConfiguration.js'
import * as statusWords from '../app/statusWords.js'
import type { EthereumAppSignature, SendCommand } from '../app/types.js'
import type {
  CallToDescribe,
  FetchedDescriptors,
} from '../clearSigning/cal/createDescriptorSource.js'
import { findCalldataDescriptor } from '../clearSigning/findCalldataDescriptor.js'
import type { LedgerDescriptors, LedgerServicesOption } from '../clearSigning/types.js'
import { holdTransport } from '../sdk/holdTransport.js'
import { fromHwAppEthSignature, toHwAppEthPath } from '../sdk/hwAppEthFormats.js'
import { loadHwAppEth } from '../sdk/loadHwAppEth.js'
import { loadHwTransport } from '../sdk/loadHwTransport.js'
import type { LedgerTransport, LedgerTypedDataMode } from '../types.js'
import { chooseTypedDataMode } from './chooseTypedDataMode.js'
import { createLedgerConnection, type LedgerSession } from './createLedgerConnection.js'
import { filtersRefusedError } from './filtersRefusedError.js'
import { messageDisplay } from './messageDisplay.js'
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
import { blindSigningDisabledError, toLedgerError } from './toLedgerError.js'
import { toTransactionYParity, toYParity } from './toYParity.js'
import { resolvedDisplay, transactionDisplay } from './transactionDisplay.js'

export type CreateLedgerDriverOptions = {
  transport?: LedgerTransport | undefined
  clearSigning?: boolean | undefined
  /** Signed ERC-7730 descriptors (bundled, or fetched): the generic parser loads for a call they describe. */
  descriptors?: LedgerDescriptors | readonly LedgerDescriptors[] | undefined
  /** Fetched mode: ask this CAL for descriptors of calls the bundled ones do not describe. */
  ledgerServices?: LedgerServicesOption | undefined
  /** Called with the EIP-712 mode chosen, before each typed-data confirmation on the device. */
  onTypedDataMode?: ((mode: LedgerTypedDataMode) => void) | undefined
}

/** Fetched mode's lookup: the descriptors for a call on a model, if CAL has them. */
type FetchDescriptors = (
  call: CallToDescribe,
  modelId: string | undefined,
) => Promise<FetchedDescriptors | undefined>

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
  const { clearSigning = false, onTypedDataMode, ledgerServices } = options
  const descriptors = ([] as LedgerDescriptors[]).concat(options.descriptors ?? [])
  let fetchDescriptors: Promise<FetchDescriptors> | undefined
  const derivedAddresses = new Map<string, Address>()
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
   * A call the descriptors describe, clear-signed by the app's generic parser (its code loads only
   * here). `undefined` when none describes it; when the device refuses the descriptor, the call is
   * reported blind and signed the usual way (the app refuses it while blind signing is off).
   */
  async function signDescribed(
    call: Call,
    path: string,
    transaction: {
      chainId?: number | undefined
      to?: string | null | undefined
      data?: string | undefined
      value?: bigint | undefined
    },
    serializedTransaction: `0x${string}`,
    context: DeviceContext,
  ): Promise<EthereumAppSignature | undefined> {
    const { chainId, to, data } = transaction
    if (!chainId || !to || !data || data.length < 10) return undefined
    const described = {
      chainId,
      to: to as `0x${string}`,
      data: data as `0x${string}`,
      value: transaction.value ?? 0n,
    }
    const modelId = call.session.transport.deviceModel?.id
    const bundled = descriptors.find((entry) => findCalldataDescriptor(entry, described))
    let fetched: FetchedDescriptors | undefined
    if (!bundled && ledgerServices) {
      const from = derivedAddresses.get(path) ?? (await deriveAddress(call, path))
      fetched = await fetchedDescriptors({ ...described, from }, modelId)
    }
    const set = bundled ?? fetched?.descriptors
    if (!set) return undefined
    const [{ signWithCalldataDescriptor }, { Buffer }] = await Promise.all([
      import('./signWithCalldataDescriptor.js'),
      loadHwTransport(),
    ])
    const sender =
      (cla: number): SendCommand =>
      (ins, p1, p2, bytes) =>
        call.link.send(cla, ins, p1, p2, Buffer.from(bytes))
    const link = {
      send: sender(0xe0),
      sendOs: sender(0xb0),
      modelId: call.session.transport.deviceModel?.id,
    }
    const outcome = await signWithCalldataDescriptor(
      link,
      set,
      findCalldataDescriptor(set, described)!,
      {
        path,
        serializedTransaction,
        call: described,
        fetchProxyInfo: fetched?.fetchProxyInfo,
        resolveInner: async (inner) => {
          const found = descriptors.find((entry) => findCalldataDescriptor(entry, inner))
          if (found || !ledgerServices) return found
          // Fetched mode asks CAL for the inner callee; the signer's address is never asked about.
          const from = derivedAddresses.get(path) ?? (await deriveAddress(call, path))
          const innerCall = { chainId: inner.chainId, to: inner.to, data: inner.data, from }
          return (await fetchedDescriptors(innerCall, modelId))?.descriptors
        },
      },
      (reason) => context.status({ ...confirm('signTransaction'), display: 'clear', reason }),
    )
    if (outcome.kind === 'signed') return outcome.signature
    context.status({ ...confirm('signTransaction'), display: 'blind', reason: outcome.reason })
    return call.app.signTransaction(path, serializedTransaction)
  }

  // The signer's address, which fetched mode must never look up: the one `getAddress` returned for
  // this path, else asked of the device (no request leaves before it is known).
  async function deriveAddress(call: Call, path: string): Promise<Address> {
    const { publicKey } = await call.app.getAddress(path, { display: false, chainCode: false })
    const address = publicKeyToAddress(publicKey)
    derivedAddresses.set(path, address)
    return address
  }

  /** Fetched mode: CAL's descriptors for this call (the client loads on first need, caches per session). */
  async function fetchedDescriptors(
    described: CallToDescribe,
    modelId: string | undefined,
  ): Promise<FetchedDescriptors | undefined> {
    fetchDescriptors ??= Promise.all([
      import('../clearSigning/cal/createDescriptorSource.js'),
      import('../clearSigning/certificateTarget.js'),
    ]).then(([{ createDescriptorSource }, { certificateTarget }]) => {
      const services = ledgerServices === true ? {} : ledgerServices || {}
      const fetcher = createDescriptorSource({
        url: services.url,
        // Another CAL without a metadata service named: no request to Ledger's for proxies.
        metadataUrl: services.metadataUrl ?? (services.url ? false : undefined),
        mode: services.signatures === 'test' ? 'test' : 'prod',
      })
      return (call, model) => fetcher(call, certificateTarget(model))
    })
    const source = await fetchDescriptors
    const fetched = await source(described, modelId)
    return fetched && findCalldataDescriptor(fetched.descriptors, described) ? fetched : undefined
  }

  /**
   * Full EIP-712: with the bundled filters of Ledger when they apply, else through hw-app-eth and
   * Ledger's services with `clearSigning`, else every field without filters. Reports the display
   * once: a blind one before any APDU, a clear one just before the APDU the device shows first (the
   * message info with filters, the domain without). Answers `retry` with the reason when the app
   * refused the payload or the filters before that, and hashed mode may still sign it; a refusal
   * after a clear report, or one for the app's settings, ends the request.
   */
  async function signFullTypedData(
    call: Call,
    path: string,
    typedData: SignTypedDataRequest['typedData'],
    prepared: PreparedTypedDataFilters,
    context: DeviceContext,
    settings: AppSettings,
  ): Promise<{ signature: EthereumAppSignature } | { retry: string }> {
    const { version } = settings
    if (!prepared.filters && clearSigning) {
      context.status({
        ...confirm('signTypedData'),
        display: 'blind',
        reason: `${prepared.reason}; asking Ledger's services`,
      })
      const message = toEip712Message(typedData) as never
      const eth = await call.eth()
      return {
        signature: fromHwAppEthSignature(
          await eth.signEIP712Message(toHwAppEthPath(path), message),
        ),
      }
    }
    const display = typedDataDisplay(prepared, version)
    // Blind is known before any APDU, and under 'refuse' ends the call here.
    if (display.display === 'blind') context.status({ ...confirm('signTypedData'), ...display })
    let reportedClear = false
    const onReview = () => {
      if (display.display !== 'clear') return
      reportedClear = true
      context.status({ ...confirm('signTypedData'), ...display })
    }
    try {
      const data = typedData as Eip712TypedData
      return { signature: await call.app.signEip712Message(path, data, prepared.filters, onReview) }
    } catch (error) {
      const code = statusCodeOf(error)
      if (code === statusWords.insNotSupported) call.session.fullTypedDataRefused = true
      // The app refused the payload (0x6A80) or, with filters, a filter (0x6A00, 0x6A88, 0x6A80:
      // it checks their signatures), or has no full EIP-712 (0x6D00: Nano S, old app).
      const refused =
        code === statusWords.insNotSupported ||
        code === statusWords.incorrectData ||
        (prepared.filters !== undefined &&
          (code === statusWords.parameterErrorNoInfo ||
            code === statusWords.referencedDataNotFound))
      // Once `clear` was reported, a refusal ends the request: never `clear`, then `blind`.
      if (reportedClear)
        throw prepared.filters && refused ? filtersRefusedError(code, error) : error
      // Hashed mode would not sign what the app refused for its settings: it needs blind signing.
      const policy =
        code === statusWords.incorrectData && !prepared.filters && !settings.blindSigning
      if (!refused || policy) throw error
      return {
        retry: prepared.filters
          ? `the device refused Ledger's filters (0x${code.toString(16)})`
          : `the app refused the full payload (0x${code.toString(16)})`,
      }
    }
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
        derivedAddresses.set(path, address)
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
        const described = await signDescribed(
          call,
          path,
          transaction,
          serializedTransaction,
          context,
        )
        if (described) return toDeviceSignature(described, transactionParity)
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
        context.status({ ...confirm('signMessage'), ...messageDisplay(message) })
        return toDeviceSignature(await app.signPersonalMessage(path, message), messageParity)
      }),

    signTypedData: ({ path, typedData }, context) =>
      run('signTypedData', context, async (call) => {
        if (typedData.primaryType === 'EIP712Domain')
          throw new UnsupportedByDeviceError({
            operation: 'sign typed data whose primary type is EIP712Domain',
            reason: 'the Ethereum app signs a domain only together with a message',
          })
        // The settings may have changed since the last call: read them for this one.
        const settings = await call.app.getAppConfiguration()
        call.session.version = settings.version
        const capabilities = await readCapabilities(call)
        refuseUnsupported(capabilities, { operation: 'signTypedData' })
        let mode = chooseTypedDataMode(capabilities, typedData)
        if (mode.mode === 'full') {
          const prepared = await prepareTypedDataFilters(typedData, settings.version)
          onTypedDataMode?.(mode)
          const full = await signFullTypedData(call, path, typedData, prepared, context, settings)
          if ('signature' in full) return toDeviceSignature(full.signature, messageParity)
          mode = { mode: 'hashed', reason: full.retry }
        }
        const { domainSeparator, messageHash } = hashTypedDataParts(typedData)
        onTypedDataMode?.(mode)
        const reason = `the device shows only the domain and message hashes: ${mode.reason}`
        // The app refuses hashed EIP-712 while blind signing is off (since 1.12.0): say so here,
        // before a request that would only put up its error screen.
        if (
          context.blindSigning === 'allow' &&
          !settings.blindSigning &&
          compareVersions(settings.version, ledgerAppVersions.eip712FiltersRequired) >= 0
        )
          throw blindSigningDisabledError()
        context.status({ ...confirm('signTypedData'), display: 'blind', reason })
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
