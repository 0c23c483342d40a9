import { BaseError } from '@airlock/core'
import type { Address } from 'viem'

export type AccountNotConnectedErrorType = AccountNotConnectedError & {
  name: 'AccountNotConnectedError'
}
/** The request names an account the app is not connected to (EIP-1193's 4100). */
export class AccountNotConnectedError extends BaseError {
  readonly address: string | undefined
  constructor({ address }: { address?: Address | string | undefined } = {}) {
    super(
      address === undefined
        ? 'The app is not connected to the wallet.'
        : `The app is not connected to account ${address}.`,
      {
        metaMessages: [
          'Connect first (eth_requestAccounts), then use one of the accounts it returns.',
        ],
        name: 'AccountNotConnectedError',
        rpcCode: 4100,
      },
    )
    this.address = address
  }
}

export type ChainNotConfiguredErrorType = ChainNotConfiguredError & {
  name: 'ChainNotConfiguredError'
}
/** The chain is not one of the provider's `chains` (EIP-3326's 4902). */
export class ChainNotConfiguredError extends BaseError {
  readonly chainId: number
  constructor({ chainId, chainIds }: { chainId: number; chainIds: readonly number[] }) {
    super(`Chain ${chainId} is not configured in this wallet.`, {
      details: `configured chains: ${chainIds.join(', ')}`,
      metaMessages: ['Add the chain to `chains` where the hardware provider is created.'],
      name: 'ChainNotConfiguredError',
      rpcCode: 4902,
    })
    this.chainId = chainId
  }
}

export type UnsupportedMethodErrorType = UnsupportedMethodError & {
  name: 'UnsupportedMethodError'
}
/** The wallet does not offer this method (EIP-1193's 4200). */
export class UnsupportedMethodError extends BaseError {
  readonly method: string
  constructor({ method, remedy }: { method: string; remedy: string }) {
    super(`The wallet does not support "${method}".`, {
      metaMessages: [remedy],
      name: 'UnsupportedMethodError',
      rpcCode: 4200,
    })
    this.method = method
  }
}
