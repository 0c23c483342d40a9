import {
  AppNotOpenError,
  type DeviceCapabilities,
  type DeviceContext,
  DeviceDisconnectedError,
  DeviceLockedError,
  type DeviceOperation,
  type DeviceSignature,
  type HardwareSignerDriver,
  UnknownDeviceError,
  UnsupportedByDeviceError,
} from '@airlock/core'
import type Eth from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { getAddress, type Hex, isAddressEqual } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { createEthereumApp, type EthereumApp } from './createEthereumApp.js'
import { encodeAuthorization } from './encodeAuthorization.js'
import {
  type LedgerModules,
  loadLedgerEip712,
  loadLedgerEthApp,
  loadLedgerModules,
} from './loadLedgerModules.js'
import { findFullModeObstacle, hashTypedDataParts, toEip712Message } from './prepareTypedData.js'
import { type LedgerTransport, resolveTransport } from './resolveTransport.js'
import { toLedgerCapabilities } from './toLedgerCapabilities.js'
import { toLedgerError } from './toLedgerError.js'
import { toTransactionYParity, toYParity } from './toYParity.js'

export type CreateLedgerDriverOptions = {
  transport?: LedgerTransport | undefined
  clearSigning?: boolean | undefined
  /** Called with the EIP-712 mode chosen, before each typed-data confirmation on the device. */
  onTypedDataMode?: ((mode: LedgerTypedDataMode) => void) | undefined
}

/** How the Ledger signs typed data: `full` shows every field, `hashed` only the two hashes. */
export type LedgerTypedDataMode = { mode: 'full' | 'hashed'; reason: string }

/** One connection to the device: the transport and what was learnt about the app on it. */
type Session = {
  transport: Transport
  /** Opened by Airlock (a name or a factory), so Airlock closes it. */
  owned: boolean
  version?: string | undefined
  fullTypedDataRefused: boolean
  onDisconnect: () => void
}

type Call = {
  session: Session
  modules: LedgerModules
  /** The transport for this call only; inert once the call is aborted. */
  link: Transport
  /** The app commands that need no metadata: addresses, blind transactions, messages, hashed EIP-712. */
  app: EthereumApp
  /** hw-app-eth on this call's transport, loaded on first need: full EIP-712 and clear signing. */
  eth: () => Promise<Eth>
}

/**
 * The Ledger half of a `HardwareSigner`: talks to the Ethereum app over hw-transport, with
 * hw-app-eth for full EIP-712 and clear signing.
 */
export function createLedgerDriver(options: CreateLedgerDriverOptions = {}): HardwareSignerDriver {
  const { clearSigning = false, onTypedDataMode } = options
  const connection = resolveTransport(options.transport)
  let session: Session | undefined

  function forget(stale: Session) {
    if (session !== stale) return
    session = undefined
    stale.transport.off?.('disconnect', stale.onDisconnect)
    if (stale.owned) stale.transport.close().catch(() => {})
  }

  async function connect(context: DeviceContext): Promise<Session> {
    if (session) return session
    context.status({ type: 'connecting' })
    const transport = connection.instance ?? (await untilAborted(connection.open(), context.signal))
    const created: Session = {
      transport,
      owned: !connection.instance,
      fullTypedDataRefused: false,
      onDisconnect: () => forget(created),
    }
    transport.on?.('disconnect', created.onDisconnect)
    session = created
    return created
  }

  async function run<result>(
    operation: DeviceOperation,
    context: DeviceContext,
    body: (call: Call) => Promise<result>,
  ): Promise<result> {
    const modules = await loadLedgerModules()
    const current = await connect(context)
    // An aborted call may still be waiting on the device: start afresh on the next call.
    const onAbort = () => forget(current)
    context.signal.addEventListener('abort', onAbort, { once: true })
    try {
      const link = new modules.CallTransport(current.transport, context.signal)
      const app = createEthereumApp(link, modules.Buffer)
      const eth = async () => (await loadLedgerEthApp()).createEth(link, { clearSigning })
      return await body({ session: current, modules, link, app, eth })
    } catch (cause) {
      if (context.signal.aborted) throw context.signal.reason
      const error = toLedgerError(cause, operation)
      if (error instanceof DeviceLockedError) context.status({ type: 'unlock-device' })
      if (error instanceof AppNotOpenError) {
        context.status({ type: 'open-app', appName: 'Ethereum' })
        current.version = undefined
      }
      if (error instanceof DeviceDisconnectedError) forget(current)
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

  return {
    source: 'ledger',
    name: 'Ledger',

    getCapabilities: (context) => run('getCapabilities', context, readCapabilities),

    getAddress: ({ path, display = false, chainId }, context) =>
      run('getAddress', context, async ({ app }) => {
        if (display) context.status({ type: 'confirm-on-device', operation: 'getAddress' })
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

    signTransaction: ({ path, serializedTransaction }, context) =>
      run('signTransaction', context, async ({ app, eth }) => {
        if (!clearSigning) {
          context.status({ type: 'confirm-on-device', operation: 'signTransaction' })
          const response = await app.signTransaction(path, serializedTransaction)
          return toDeviceSignature(response, (v) => toTransactionYParity(v, serializedTransaction))
        }
        const raw = serializedTransaction.slice(2)
        const resolution = await (await loadLedgerEthApp()).resolveClearSigning(raw)
        context.status({ type: 'confirm-on-device', operation: 'signTransaction' })
        const { v, r, s } = await (await eth()).signTransaction(toLedgerPath(path), raw, resolution)
        return {
          r: `0x${r}`,
          s: `0x${s}`,
          yParity: toTransactionYParity(Number.parseInt(v, 16), serializedTransaction),
        }
      }),

    signMessage: ({ path, message }, context) =>
      run('signMessage', context, async ({ app }) => {
        context.status({ type: 'confirm-on-device', operation: 'signMessage' })
        const response = await app.signPersonalMessage(path, message)
        return toDeviceSignature(response, (v) => toYParity(v, { kind: 'message' }))
      }),

    signTypedData: ({ path, typedData }, context) =>
      run('signTypedData', context, async (call) => {
        if (typedData.primaryType === 'EIP712Domain')
          throw new UnsupportedByDeviceError({
            operation: 'sign typed data whose primary type is EIP712Domain',
            reason: 'the Ethereum app signs a domain only together with a message',
          })
        const { app, eth, link, session } = call
        let mode = chooseTypedDataMode(await readCapabilities(call), typedData)
        if (mode.mode === 'full') {
          onTypedDataMode?.(mode)
          context.status({ type: 'confirm-on-device', operation: 'signTypedData' })
          try {
            const message = toEip712Message(typedData) as never
            const { v, r, s } = clearSigning
              ? await (await eth()).signEIP712Message(toLedgerPath(path), message)
              : await (await loadLedgerEip712()).signEIP712Message(
                  link,
                  toLedgerPath(path),
                  message,
                )
            return { r: `0x${r}`, s: `0x${s}`, yParity: toYParity(v, { kind: 'message' }) }
          } catch (error) {
            const code = (error as { statusCode?: unknown } | null)?.statusCode
            // 0x6A80: the app refused the payload; 0x6D00: it has no full EIP-712 (Nano S, old app).
            if (code !== 0x6a80 && code !== 0x6d00) throw error
            if (code === 0x6d00) session.fullTypedDataRefused = true
            mode = {
              mode: 'hashed',
              reason: `the app refused the full payload (0x${code.toString(16)})`,
            }
          }
        }
        const { domainSeparator, messageHash } = hashTypedDataParts(typedData)
        onTypedDataMode?.(mode)
        context.status({ type: 'confirm-on-device', operation: 'signTypedData' })
        const response = await app.signEIP712HashedMessage(path, domainSeparator, messageHash)
        return toDeviceSignature(response, (v) => toYParity(v, { kind: 'message' }))
      }),

    signAuthorization: ({ path, authorization }, context) =>
      run('signAuthorization', context, async ({ link, modules }) => {
        const apdus = encodeAuthorization({ path, authorization })
        context.status({ type: 'confirm-on-device', operation: 'signAuthorization' })
        let response: Uint8Array = new Uint8Array()
        for (const { p1, data } of apdus)
          response = await link.send(0xe0, 0x34, p1, 0x00, modules.Buffer.from(data))
        return toDeviceSignature(response, (v) => toYParity(v, { kind: 'typed' }))
      }),

    toError: toLedgerError,

    async close() {
      if (session) forget(session)
    },
  }
}

/** Full EIP-712 where the app and model have it and hw-app-eth can send the payload; hashed otherwise. */
export function chooseTypedDataMode(
  capabilities: DeviceCapabilities,
  typedData: Parameters<typeof findFullModeObstacle>[0],
): LedgerTypedDataMode {
  if (capabilities.signTypedData !== 'full')
    return {
      mode: 'hashed',
      reason:
        capabilities.model === 'nanoS'
          ? 'the Nano S has no full EIP-712'
          : `Ethereum app ${capabilities.version} has no full EIP-712 (1.10.0 or later has)`,
    }
  const obstacle = findFullModeObstacle(typedData)
  return obstacle ? { mode: 'hashed', reason: obstacle } : { mode: 'full', reason: 'supported' }
}

/** `v || r || s` as the app answers (status word after); `toParity` reads `v` for the operation. */
function toDeviceSignature(response: Uint8Array, toParity: (v: number) => 0 | 1): DeviceSignature {
  if (response.length < 65)
    throw new UnknownDeviceError({
      details: `the device answered ${response.length} bytes, not a signature`,
    })
  const hex = (bytes: Uint8Array) =>
    `0x${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}` as Hex
  return {
    r: hex(response.subarray(1, 33)),
    s: hex(response.subarray(33, 65)),
    yParity: toParity(response[0]!),
  }
}

/** hw-app-eth's `splitPath` takes `44'/60'/…`. */
function toLedgerPath(path: string): string {
  return path.replace(/^m\//, '')
}

function untilAborted<value>(promise: Promise<value>, signal: AbortSignal): Promise<value> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    let settled = false
    const onAbort = () => {
      if (settled) return
      reject(signal.reason)
      // A transport that opens after the call was given up is closed, not leaked.
      promise.then((late) => (late as { close?: () => Promise<void> }).close?.()).catch(() => {})
    }
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        settled = true
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        settled = true
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
