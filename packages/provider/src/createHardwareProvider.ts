import {
  ChainIdMismatchError,
  describeValue,
  type HardwareAccount,
  InvalidRequestError,
  UnsupportedByDeviceError,
} from '@airlock/core'
import {
  type Address,
  type Chain,
  type Client,
  createClient,
  type EIP1193Provider,
  http,
  isAddress,
  isAddressEqual,
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
   * `createConfig`). Nonces, gas and fees are read from it; methods the wallet does not answer
   * itself are forwarded to it.
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
  const emitter = createEmitter()
  const clients = new Map<number, Client>()

  function findChain(chainId: number): Chain {
    const found = chains.find((chain) => chain.id === chainId)
    if (!found) throw new ChainNotConfiguredError({ chainId, chainIds: chains.map((c) => c.id) })
    return found
  }

  function client(): Client<Transport, Chain> {
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

  function connect(): Address[] {
    if (!connected) {
      connected = true
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

  function parseTransaction(request: unknown) {
    const { from, chainId, ...transaction } = parseTransactionRequest(request)
    const account = connectedAccount(from)
    if (chainId !== undefined && chainId !== chain.id)
      throw new ChainIdMismatchError({ expected: chain.id, actual: chainId })
    return { ...transaction, account, chain } as never
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
          connected = false
          emitter.emit('accountsChanged', [])
        }
        return null
      case 'personal_sign': {
        const message = toPersonalMessage(params[0])
        return connectedAccount(params[1]).signMessage({ message })
      }
      case 'eth_signTypedData_v4': {
        const account = connectedAccount(params[0])
        return account.signTypedData(parseTypedData({ data: params[1], chainId: chain.id }))
      }
      case 'eth_signTransaction': {
        const request = parseTransaction(params[0])
        const prepared = await prepareTransactionRequest(client(), request)
        return signTransaction(client(), { ...(prepared as object), chain } as never)
      }
      case 'eth_sendTransaction':
        return sendTransaction(client(), parseTransaction(params[0]))
      case 'eth_sign':
        throw new UnsupportedByDeviceError({
          operation: 'sign a raw hash (eth_sign)',
          reason: 'devices only sign what they can show: use personal_sign or eth_signTypedData_v4',
        })
    }
    const refused = refusedMethod(method)
    if (refused) throw new UnsupportedMethodError({ method, remedy: refused })
    // Unknown wallet methods are "not found", so viem's `sendCalls` falls back to
    // `eth_sendTransaction` for `wallet_sendCalls`.
    if (method.startsWith('wallet_'))
      throw new MethodNotFoundRpcError(new Error(`${method} is not available`), { method })
    return client().request({ method, params } as never)
  }

  async function disconnect() {
    const wasConnected = connected
    connected = false
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

/** Methods that a node might answer with its own keys, or that devices cannot do: never forwarded. */
function refusedMethod(method: string): string | undefined {
  if (/^eth_signTypedData(_v1|_v3)?$/.test(method)) return 'Use eth_signTypedData_v4.'
  if (method === 'eth_decrypt' || method === 'eth_getEncryptionPublicKey')
    return 'Hardware wallets do not decrypt data for apps.'
  if (method.startsWith('personal_'))
    return 'Use personal_sign to sign messages and eth_sendTransaction to send transactions.'
  return undefined
}
