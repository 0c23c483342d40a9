import type { HardwareSigner } from '@airlock/core'
import type { Address, Hex } from 'viem'
import { chain, defaultRecipient, describeBalance, describeNode, publicClient } from './chain.js'
import { type DeviceKind, deviceNames } from './device.js'
import { act, watch } from './feedback.js'
import { permit, permitNonce } from './permit.js'
import { type TransactionRequest, wireSendActions } from './sendActions.js'

/** What the wagmi and ethers pages plug into the shared page: connect, then the signatures. */
export type Flow = {
  connect: (
    kind: DeviceKind,
    demo: boolean,
  ) => Promise<{ address: Address; signer: HardwareSigner }>
  signMessage: (message: string) => Promise<Hex>
  signTypedData: (typedData: ReturnType<typeof permit>) => Promise<Hex>
  /** Sends, waits for the block, returns the receipt's block number and status. */
  send: (
    transaction: TransactionRequest,
  ) => Promise<{ hash: Hex; blockNumber: bigint; status: string }>
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
  <p id="signing-note" role="note" hidden></p>
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
      <span>Permit: let <code class="default-recipient"></code> spend 1 USDC</span>
      <button type="button" id="sign-permit">Sign permit</button>
      <output id="permit-result"></output>
    </div>
    <div class="action">
      <label>Send <input id="amount" value="0.01" size="6" /> ETH to <input id="to" size="44" /></label>
      <button type="button" id="send">Send transaction</button>
      <output id="send-result"></output>
    </div>
    <div class="action">
      <span>Send 1 USDC to <code class="default-recipient"></code></span>
      <button type="button" id="send-usdc">Send 1 USDC</button>
      <output id="usdc-result"></output>
    </div>
    <div class="action">
      <span>Call the page's own contract, with the descriptor it bundles (TEST-signed): <code>Counter.increment()</code></span>
      <button type="button" id="call-contract">Call the contract</button>
      <output id="contract-result"></output>
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
  for (const recipient of document.querySelectorAll('.default-recipient'))
    recipient.textContent = defaultRecipient

  const kind = () => $<HTMLInputElement>('input[name=device]:checked').value as DeviceKind
  const update = () => {
    $<HTMLInputElement>('#demo').disabled = kind() === 'trezor'
    $('#trezor-demo-note').hidden = kind() !== 'trezor'
  }
  for (const input of document.querySelectorAll('input[name=device]'))
    input.addEventListener('change', update)
  update()

  const showBalance = async () => {
    $('#balance').textContent = await describeBalance(address!)
  }

  /** Sends, then says in `output` how it went and what changed. */
  const sendAndReport = async (
    output: string,
    transaction: TransactionRequest,
    outcome: () => Promise<string>,
  ) => {
    $(output).textContent = ''
    const { hash, blockNumber, status } = await flow.send(transaction)
    await showBalance()
    $(output).textContent = `Mined in block ${blockNumber} (${status}): ${hash}. ${await outcome()}`
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
      const nonce = await permitNonce(publicClient, address!)
      const signature = await flow.signTypedData(
        permit({ owner: address!, spender: defaultRecipient, nonce, chainId: chain.id }),
      )
      $('#permit-result').textContent = `Permit signed by ${address}: ${signature}`
    }),
  )
  wireSendActions(sendAndReport)
}
