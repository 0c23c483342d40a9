import {
  ChainIdMismatchError,
  describeValue,
  type HardwareAccount,
  InvalidRequestError,
  UnsupportedByDeviceError,
} from '@airlock/core'
import { raceAbortSignal } from '@airlock/core/utils'
import {
  type Address,
  BaseError,
  type Chain,
  type Client,
  createClient,
  type EIP1193Provider,
  http,
  isAddress,
  isAddressEqual,
  MaxFeePerGasTooLowError,
  MethodNotFoundRpcError,
  numberToHex,
  ProviderDisconnectedError,
  type Transport,
} from 'viem'
import { prepareTransactionRequest, sendTransaction, signTransaction } from 'viem/actions'
import {
  AccountNotConnectedError,
  ChainNotConfiguredError,
  UnsupportedMethodError,
} from './errors/provider.js'
import { toProviderRpcError } from './errors/toProviderRpcError.js'
import type { HardwareProvider } from './types.js'
import { createEmitter } from './utils/createEmitter.js'
import { isForwardedMethod } from './utils/forwardedMethods.js'
import { parseTransactionRequest } from './utils/parseTransactionRequest.js'
import { parseTypedData } from './utils/parseTypedData.js'
import { toPersonalMessage } from './utils/toPersonalMessage.js'

export type CreateHardwareProviderParameters = (
  | { account: HardwareAccount; accounts?: undefined }
  | { accounts: readonly [HardwareAccount, ...HardwareAccount[]]; account?: undefined }
) & {
  /** The chains the wallet can switch between. */
  chains: readonly [Chain, ...Chain[]]
  /**
   * The chain to start on.
   * @default chains[0].id
   */
  chainId?: number | undefined
  /**
   * Where RPC requests go: one transport for every chain, or one per chain id (as in wagmi's
   * `createConfig`). Nonces, gas and fees are read from it; the read-only public methods in
   * `forwardedMethods` are forwarded to it, and no others.
   * @default http() of each chain's default RPC URL
   */
  transport?: Transport | Record<number, Transport | undefined> | undefined
}

/**
 * An EIP-1193 provider backed by hardware accounts: signs on the device, reads and broadcasts
 * through an RPC transport. Hand it to ethers, web3.js, viem's `custom` transport or an EIP-6963
 * announcement. Errors carry EIP-1193 codes, with the Airlock error as `cause`.
 */
export function createHardwareProvider(
  parameters: CreateHardwareProviderParameters,
): HardwareProvider {
  const { chains } = parameters
  let accounts = checkAccounts(parameters.accounts ?? [parameters.account])
  let chain = findChain(parameters.chainId ?? chains[0].id)
  let connected = false
  // Aborted when the app disconnects or revokes its permission: requests still waiting on the
  // device end then, and the device call is cancelled.
  let session = new AbortController()
  const emitter = createEmitter()
  const clients = new Map<number, Client>()

  function findChain(chainId: number): Chain {
    const found = chains.find((chain) => chain.id === chainId)
    if (!found) throw new ChainNotConfiguredError({ chainId, chainIds: chains.map((c) => c.id) })
    return found
  }

  function client(chain: Chain): Client<Transport, Chain> {
    let current = clients.get(chain.id)
    if (!current) {
      const { transport } = parameters
      current = createClient({
        chain,
        transport: typeof transport === 'function' ? transport : (transport?.[chain.id] ?? http()),
      })
      clients.set(chain.id, current)
    }
    return current as Client<Transport, Chain>
  }

  function addresses(): Address[] {
    return accounts.map((account) => account.address)
  }

  function connectedAccount(address: unknown): HardwareAccount {
    if (typeof address !== 'string' || !isAddress(address, { strict: false }))
      throw new InvalidRequestError({
        reason: `expected an address, got ${describeValue(address)}`,
      })
    const account = accounts.find((account) => isAddressEqual(account.address, address))
    if (!connected || !account) throw new AccountNotConnectedError({ address })
    return account
  }

  /** The account for a signing request and the signal that ends the request with the session. */
  function signingAccount(address: unknown) {
    return { account: connectedAccount(address), signal: session.signal }
  }

  function connect(): Address[] {
    if (!connected) {
      connected = true
      session = new AbortController()
      emitter.emit('connect', { chainId: numberToHex(chain.id) })
      emitter.emit('accountsChanged', addresses())
    }
    return addresses()
  }

  function permissions() {
    if (!connected) return []
    const invoker = (globalThis as { location?: { origin?: string } }).location?.origin
    return [
      {
        parentCapability: 'eth_accounts',
        ...(invoker ? { invoker } : {}),
        caveats: [{ type: 'restrictReturnedAccounts', value: addresses() }],
      },
    ]
  }

  function switchChain(chainId: number): null {
    const next = findChain(chainId)
    if (next.id !== chain.id) {
      chain = next
      emitter.emit('chainChanged', numberToHex(chain.id))
    }
    return null
  }

  /** Ends the session: pending requests reject with `reason`, and their device calls are cancelled. */
  function endSession(reason: Error) {
    connected = false
    session.abort(reason)
  }

  /**
   * `eth_signTransaction` and `eth_sendTransaction`: prepared, signed and sent on the chain the
   * request arrived on, whatever the wallet switches to meanwhile.
   */
  async function transact(request: unknown, { send }: { send: boolean }) {
    const bound = chain
    const { from, chainId, ...transaction } = parseTransactionRequest(request)
    const { account, signal } = signingAccount(from)
    if (chainId !== undefined && chainId !== bound.id)
      throw new ChainIdMismatchError({ expected: bound.id, actual: chainId })
    const parameters = { ...transaction, account: withSignal(account, signal), chain: bound }
    const rpc = client(bound)
    const run = async () => {
      if (send) return sendTransaction(rpc, parameters as never)
      const prepared = await prepareTransactionRequest(rpc, parameters as never)
      return signTransaction(rpc, { ...prepared, ...parameters } as never)
    }
    return raceAbortSignal(run(), signal).catch((error) => {
      // What viem finds wrong with the request once it has the network's fees is bad input too.
      if (error instanceof BaseError && error.walk((e) => e instanceof MaxFeePerGasTooLowError))
        throw new InvalidRequestError({ reason: error.shortMessage, cause: error })
      throw error
    })
  }

  async function handle(method: string, params: readonly unknown[]): Promise<unknown> {
    switch (method) {
      case 'eth_requestAccounts':
        return connect()
      case 'eth_accounts':
        return connected ? addresses() : []
      case 'eth_coinbase':
        return connected ? (addresses()[0] ?? null) : null
      case 'eth_chainId':
        return numberToHex(chain.id)
      case 'net_version':
        return String(chain.id)
      case 'wallet_switchEthereumChain':
        return switchChain(chainIdParameter(params[0]))
      case 'wallet_addEthereumChain':
        findChain(chainIdParameter(params[0]))
        return null
      case 'wallet_getPermissions':
        return permissions()
      case 'wallet_requestPermissions':
        permissionParameter(params[0])
        connect()
        return permissions()
      case 'wallet_revokePermissions':
        permissionParameter(params[0])
        if (connected) {
          endSession(new AccountNotConnectedError())
          emitter.emit('accountsChanged', [])
        }
        return null
      case 'personal_sign': {
        const message = toPersonalMessage(params[0])
        const { account, signal } = signingAccount(params[1])
        const request = { message, signal }
        return raceAbortSignal(account.signMessage(request), signal)
      }
      case 'eth_signTypedData_v4': {
        const { account, signal } = signingAccount(params[0])
        const request = { ...parseTypedData({ data: params[1], chainId: chain.id }), signal }
        return raceAbortSignal(account.signTypedData(request), signal)
      }
      case 'eth_signTransaction':
      case 'eth_sendTransaction':
        return transact(params[0], { send: method === 'eth_sendTransaction' })
      case 'eth_sign':
        throw new UnsupportedByDeviceError({
          operation: 'sign a raw hash (eth_sign)',
          reason: 'devices only sign what they can show: use personal_sign or eth_signTypedData_v4',
        })
    }
    if (isForwardedMethod(method)) return client(chain).request({ method, params } as never)
    // Unknown wallet methods are "not found", so viem's `sendCalls` falls back to
    // `eth_sendTransaction` for `wallet_sendCalls`.
    if (method.startsWith('wallet_'))
      throw new MethodNotFoundRpcError(new Error(`${method} is not available`), { method })
    // Anything else could be answered by the node with its own keys (a dev node's
    // `eth_sendTransaction` from an impersonated account): never forwarded.
    throw new UnsupportedMethodError({ method, remedy: remedyFor(method) })
  }

  async function disconnect() {
    const wasConnected = connected
    endSession(new ProviderDisconnectedError(new Error('The app disconnected from the wallet.')))
    const signers = new Set(accounts.map((account) => account.signer))
    await Promise.allSettled([...signers].map((signer) => signer.close()))
    if (wasConnected)
      emitter.emit(
        'disconnect',
        new ProviderDisconnectedError(new Error('The app disconnected from the wallet.')),
      )
  }

  const request = async ({ method, params }: { method: string; params?: unknown }) => {
    try {
      if (typeof method !== 'string')
        throw new InvalidRequestError({ reason: '"method" must be a string' })
      return await handle(method, Array.isArray(params) ? params : [])
    } catch (error) {
      throw toProviderRpcError(error)
    }
  }

  return {
    on: emitter.on,
    removeListener: emitter.removeListener,
    request: request as EIP1193Provider['request'],
    get accounts() {
      return accounts
    },
    get chain() {
      return chain
    },
    get connected() {
      return connected
    },
    setAccounts(next) {
      accounts = checkAccounts(next)
      if (connected) emitter.emit('accountsChanged', addresses())
    },
    disconnect,
  }
}

function checkAccounts(accounts: readonly (HardwareAccount | undefined)[]): HardwareAccount[] {
  if (accounts.length === 0 || accounts.some((account) => !account?.address))
    throw new InvalidRequestError({ reason: 'the provider needs at least one hardware account' })
  return [...(accounts as HardwareAccount[])]
}

function chainIdParameter(parameter: unknown): number {
  const chainId = (parameter as { chainId?: unknown } | undefined)?.chainId
  if (typeof chainId !== 'string' || !/^0x[0-9a-fA-F]+$/.test(chainId))
    throw new InvalidRequestError({
      reason: `expected { chainId: <hex quantity> }, got ${describeValue(parameter)}`,
    })
  return Number(chainId)
}

function permissionParameter(parameter: unknown) {
  const names = parameter && typeof parameter === 'object' ? Object.keys(parameter) : []
  if (names.length !== 1 || names[0] !== 'eth_accounts')
    throw new InvalidRequestError({ reason: 'only the "eth_accounts" permission exists' })
}

/** What to use instead of a method the wallet does not offer. */
function remedyFor(method: string): string {
  if (/^eth_signTypedData/i.test(method)) return 'Use eth_signTypedData_v4.'
  if (method === 'eth_decrypt' || method === 'eth_getEncryptionPublicKey')
    return 'Hardware wallets do not decrypt data for apps.'
  return 'See the methods the provider serves in its README.'
}

/**
 * The account, with every device call it makes bound to `signal`; a signature that arrives after
 * the abort is dropped, so a transaction is never sent for a session that has ended.
 */
function withSignal(account: HardwareAccount, signal: AbortSignal): HardwareAccount {
  return {
    ...account,
    async signTransaction(transaction, options) {
      const signed = await account.signTransaction(transaction, { ...options, signal } as never)
      signal.throwIfAborted()
      return signed
    },
  }
}
