import type { HardwareSigner } from '@airlock/core'
import { type Address, getAddress, type Hex, parseEther } from 'viem'
import { chain, defaultRecipient, describeNode, formatEth, publicClient } from './chain.js'
import { type DeviceKind, deviceNames } from './device.js'
import { act, watch } from './feedback.js'
import { permit } from './permit.js'

/** What the wagmi and ethers pages plug into the shared page: connect, then the three signatures. */
export type Flow = {
  connect: (
    kind: DeviceKind,
    demo: boolean,
  ) => Promise<{ address: Address; signer: HardwareSigner }>
  signMessage: (message: string) => Promise<Hex>
  signTypedData: (typedData: ReturnType<typeof permit>) => Promise<Hex>
  /** Sends, waits for the block, returns the receipt's block number and status. */
  send: (to: Address, value: bigint) => Promise<{ hash: Hex; blockNumber: bigint; status: string }>
}

const $ = <element extends HTMLElement = HTMLElement>(selector: string) =>
  document.querySelector<element>(selector)!

/** Wires the page of `wagmi.html` and `ethers.html` to a flow. */
export function mountSimplePage(flow: Flow) {
  let address: Address | undefined
  describeNode().then((text) => {
    $('#node').textContent = text
  })
  $<HTMLInputElement>('#to').value = defaultRecipient
  $('#spender').textContent = defaultRecipient

  const kind = () => $<HTMLInputElement>('input[name=device]:checked').value as DeviceKind
  const update = () => {
    $<HTMLInputElement>('#demo').disabled = kind() === 'trezor'
    $('#trezor-demo-note').hidden = kind() !== 'trezor'
  }
  for (const input of document.querySelectorAll('input[name=device]'))
    input.addEventListener('change', update)
  update()

  const showBalance = async () => {
    $('#balance').textContent = formatEth(await publicClient.getBalance({ address: address! }))
  }

  $('#connect').addEventListener('click', () =>
    act(async () => {
      const demo = kind() === 'ledger' && $<HTMLInputElement>('#demo').checked
      const connected = await flow.connect(kind(), demo)
      watch(connected.signer, deviceNames[kind()])
      address = connected.address
      $('#address').textContent = address
      await showBalance()
      $('#connected').hidden = $('#sign-step').hidden = false
      $<HTMLButtonElement>('#connect').hidden = true
    }),
  )
  $('#sign-message').addEventListener('click', () =>
    act(async () => {
      $('#message-result').textContent = ''
      const signature = await flow.signMessage($<HTMLInputElement>('#message').value)
      $('#message-result').textContent = `Signed by ${address}: ${signature}`
    }),
  )
  $('#sign-permit').addEventListener('click', () =>
    act(async () => {
      $('#permit-result').textContent = ''
      const signature = await flow.signTypedData(
        permit({ owner: address!, spender: defaultRecipient, chainId: chain.id }),
      )
      $('#permit-result').textContent = `Permit signed by ${address}: ${signature}`
    }),
  )
  $('#send').addEventListener('click', () =>
    act(async () => {
      $('#send-result').textContent = ''
      const to = getAddress($<HTMLInputElement>('#to').value.trim())
      const { hash, blockNumber, status } = await flow.send(
        to,
        parseEther($<HTMLInputElement>('#amount').value.trim()),
      )
      await showBalance()
      const received = formatEth(await publicClient.getBalance({ address: to }))
      $('#send-result').textContent =
        `Mined in block ${blockNumber} (${status}): ${hash}. ${to} now holds ${received}.`
    }),
  )
}
