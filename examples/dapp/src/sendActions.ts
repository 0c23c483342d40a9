import { type Address, getAddress, type Hex, parseEther } from 'viem'
import { counterIncrement, usdcTransfer } from './calls.js'
import {
  defaultRecipient,
  describeUsdcBalance,
  formatEth,
  publicClient,
  readCount,
} from './chain.js'
import { act } from './feedback.js'

/** A transaction as the page asks for it: ether, contract data, or both. */
export type TransactionRequest = { to: Address; value?: bigint; data?: Hex }

/** Sends, then says in `output` how it went and what `outcome` reads from the chain after. */
export type SendAndReport = (
  output: string,
  transaction: TransactionRequest,
  outcome: () => Promise<string>,
) => Promise<void>

/**
 * The page's three sends, the same on every page: ether to an address, 1 USDC (an ERC-20 call a
 * Ledger clear-signs with Ledger's token descriptor) and a call to the page's own contract, clear
 * only on a device that accepts the descriptor the page bundles for it.
 */
export function wireSendActions(sendAndReport: SendAndReport): void {
  const $ = <element extends HTMLElement = HTMLElement>(selector: string) =>
    document.querySelector<element>(selector)!
  $('#send').addEventListener('click', () =>
    act(async () => {
      const to = getAddress($<HTMLInputElement>('#to').value.trim())
      const value = parseEther($<HTMLInputElement>('#amount').value.trim())
      await sendAndReport('#send-result', { to, value }, async () => {
        return `${to} now holds ${formatEth(await publicClient.getBalance({ address: to }))}.`
      })
    }),
  )
  $('#send-usdc').addEventListener('click', () =>
    act(() =>
      sendAndReport('#usdc-result', usdcTransfer(defaultRecipient), async () => {
        return `${defaultRecipient} now holds ${await describeUsdcBalance(defaultRecipient)}.`
      }),
    ),
  )
  $('#call-contract').addEventListener('click', () =>
    act(() =>
      sendAndReport('#contract-result', counterIncrement(), async () => {
        return `The counter is at ${await readCount()}.`
      }),
    ),
  )
}
