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

// The connect and sign steps of `wagmi.html` and `ethers.html`.
const markup = `
<main>
  <div id="status" role="status" aria-live="polite" hidden>
    <span id="status-text"></span>
    <button type="button" id="stop-waiting" hidden>Stop waiting</button>
  </div>
  <div id="advice" role="alert" hidden></div>

  <section class="card" id="connect-step">
    <h2>1. Connect</h2>
    <fieldset>
      <legend>Device</legend>
      <label><input type="radio" name="device" value="ledger" checked /> Ledger</label>
      <label><input type="radio" name="device" value="trezor" /> Trezor</label>
    </fieldset>
    <label><input type="checkbox" id="demo" /> Demo mode: an emulated Ledger runs in this page (test keys only)</label>
    <p id="trezor-demo-note" class="muted" hidden>
      No Trezor demo in the browser: Trezor Connect runs in Trezor's own popup, where no emulator can
      be plugged in.
    </p>
    <button type="button" id="connect" class="primary">Connect account 0</button>
    <p id="connected" hidden><span class="label">Connected</span> <code id="address"></code> · <span class="label">Balance</span> <span id="balance"></span></p>
  </section>

  <section class="card" id="sign-step" hidden>
    <h2>2. Sign</h2>
    <div class="action">
      <label>Message <input id="message" value="Sign in to the Airlock demo" /></label>
      <button type="button" id="sign-message">Sign message</button>
      <output id="message-result"></output>
    </div>
    <div class="action">
      <span>Permit: let <code id="spender"></code> spend 1 ADT</span>
      <button type="button" id="sign-permit">Sign permit</button>
      <output id="permit-result"></output>
    </div>
    <div class="action">
      <label>Send <input id="amount" value="0.01" size="6" /> ETH to <input id="to" size="44" /></label>
      <button type="button" id="send">Send transaction</button>
      <output id="send-result"></output>
    </div>
  </section>
</main>
<aside id="device-panel" class="card device" hidden></aside>
`

/** Renders the page of `wagmi.html` and `ethers.html` into `#flow` and wires it to a flow. */
export function mountSimplePage(flow: Flow) {
  $('#flow').innerHTML = markup
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
