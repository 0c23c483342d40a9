import type { DeviceStatus, HardwareAccount } from '@airlock/core'
import { createHardwareProvider } from '@airlock/provider'
import { type Address, custom, defineChain, type EIP1193Provider, isAddressEqual } from 'viem'
import type { AirlockNetworkUserConfig } from '../config/types.js'
import { UnlockedDeviceAccountError } from '../errors.js'
import { createDeviceSigners } from './createDeviceSigners.js'
import { resolveDeviceAccount } from './resolveDeviceAccount.js'

export type OpenDeviceSessionParameters = {
  network: string
  config: AirlockNetworkUserConfig
  /** The connection's provider: reads, gas, nonces and raw transactions go to the node through it. */
  provider: Pick<EIP1193Provider, 'request'>
  /** The node's own unlocked accounts (`eth_accounts` below this plugin). */
  nodeAccounts: () => Promise<readonly Address[]>
  /** Shows a device prompt to the user (Hardhat's user interruptions). */
  display?: ((message: string) => Promise<void>) | undefined
}

/** The device accounts of one network connection and the wallet that signs with them. */
export type DeviceSession = {
  readonly accounts: readonly HardwareAccount[]
  /** Whether a request is for the device: a signing method naming one of its accounts. */
  owns(method: string, params: readonly unknown[]): boolean
  /** Answers a request the session owns, signing on the device. */
  request(method: string, params: readonly unknown[]): Promise<unknown>
  /** The device addresses, then the node's own accounts. */
  listAccounts(): Promise<Address[]>
  close(): Promise<void>
}

/**
 * Reads the configured accounts from the devices, refuses to start when the node also holds one of
 * their keys, and wraps them in an `@airlock/provider` wallet whose reads go to the node.
 */
export async function openDeviceSession(
  parameters: OpenDeviceSessionParameters,
): Promise<DeviceSession> {
  const { config, network, provider, nodeAccounts, display } = parameters
  const signers = await createDeviceSigners(config)
  try {
    const unsubscribes = [signers.ledger, signers.trezor].flatMap((signer) =>
      signer && display
        ? [
            signer.onStatus((status) => {
              const message = describeStatus(signer.name, status)
              if (message) display(message).catch(() => {})
            }),
          ]
        : [],
    )
    const accounts: HardwareAccount[] = []
    for (const account of config.accounts)
      accounts.push(
        await resolveDeviceAccount(signers[account.device]!, account, config.searchLimit ?? 20),
      )
    const unlocked = await nodeAccounts()
    const shared = accounts.find((account) =>
      unlocked.some((address) => isAddressEqual(address, account.address)),
    )
    if (shared) throw new UnlockedDeviceAccountError({ address: shared.address, network })

    const chainId = Number(await provider.request({ method: 'eth_chainId' }))
    const wallet = createHardwareProvider({
      accounts: accounts as [HardwareAccount, ...HardwareAccount[]],
      chains: [
        defineChain({
          id: chainId,
          name: `Hardhat network ${network}`,
          nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
          rpcUrls: { default: { http: [] } },
        }),
      ],
      transport: custom(provider),
    })
    await wallet.request({ method: 'eth_requestAccounts' })

    return {
      accounts,
      owns(method, params) {
        const address = signingAddress(method, params)
        return (
          typeof address === 'string' &&
          accounts.some((account) => account.address.toLowerCase() === address.toLowerCase())
        )
      },
      request: (method, params) => wallet.request({ method, params } as never),
      async listAccounts() {
        return [...accounts.map((account) => account.address), ...(await nodeAccounts())]
      },
      async close() {
        for (const unsubscribe of unsubscribes) unsubscribe()
        await signers.close()
      },
    }
  } catch (error) {
    await signers.close()
    throw error
  }
}

/** The account a signing request names, where the device may be the one to sign. */
function signingAddress(method: string, params: readonly unknown[]): unknown {
  switch (method) {
    case 'eth_sendTransaction':
    case 'eth_signTransaction':
      return (params[0] as { from?: unknown } | undefined)?.from
    case 'personal_sign':
      return params[1]
    case 'eth_sign':
    case 'eth_signTypedData':
    case 'eth_signTypedData_v3':
    case 'eth_signTypedData_v4':
      return params[0]
  }
  return undefined
}

/** A prompt for the user, for the statuses that need them to act; others stay quiet. */
export function describeStatus(device: string, status: DeviceStatus): string | undefined {
  switch (status.type) {
    case 'unlock-device':
      return `Unlock your ${device} with its PIN.`
    case 'open-app':
      return `Open the ${status.appName} app on your ${device}.`
    case 'confirm-on-device': {
      const reason = status.reason ? `: ${status.reason}` : ''
      return `Review and confirm on your ${device} (${status.operation}, shown ${status.display}${reason}).`
    }
  }
  return undefined
}
