/**
 * The dApp: connect a Ledger or a Trezor, page through its accounts with their balances, check one
 * on the device, then sign a message, a permit and a transaction to the local node. Every device
 * call goes through one viem account (`toHardwareAccount`).
 */
import {
  type DerivationPath,
  type DiscoveredAccount,
  discoverAccounts,
  type HardwareAccount,
  type HardwareSigner,
  type PathScheme,
  parsePath,
  toHardwareAccount,
} from '@airlock/core'
import { type Address, createWalletClient, type Hex, http } from 'viem'
import {
  chain,
  defaultRecipient,
  describeBalance,
  describeNode,
  formatEth,
  publicClient,
  rpcUrl,
} from './chain.js'
import { createSigner, type DeviceKind, deviceNames } from './device.js'
import { act, watch } from './feedback.js'
import { permit, permitNonce } from './permit.js'
import { wireSendActions } from './sendActions.js'

const $ = <element extends HTMLElement = HTMLElement>(selector: string) =>
  document.querySelector<element>(selector)!

const pageSize = 5
let signer: HardwareSigner | undefined
let kind: DeviceKind = 'ledger'
let offset = 0
let accounts: DiscoveredAccount[] = []
let selected: DiscoveredAccount | undefined
let account: HardwareAccount | undefined

$('#node').textContent = 'Looking for the local node…'
describeNode().then((text) => {
  $('#node').textContent = text
})
$<HTMLInputElement>('#to').value = defaultRecipient
for (const recipient of document.querySelectorAll('.default-recipient'))
  recipient.textContent = defaultRecipient

function chosenKind(): DeviceKind {
  return ($<HTMLInputElement>('input[name=device]:checked').value as DeviceKind) ?? 'ledger'
}

function updateChoices() {
  const trezor = chosenKind() === 'trezor'
  $<HTMLInputElement>('#demo').disabled = trezor
  $<HTMLInputElement>('#refuse-blind').disabled = trezor
  $('#trezor-demo-note').hidden = !trezor
  $<HTMLInputElement>('#custom-path').hidden = $<HTMLSelectElement>('#scheme').value !== 'custom'
}
for (const input of document.querySelectorAll('input[name=device], #scheme'))
  input.addEventListener('change', updateChoices)
updateChoices()

/** The chosen scheme, as a preset name or, for a custom path with `{i}`, a function of the index. */
function chosenScheme(): {
  scheme: PathScheme | ((index: number) => DerivationPath)
  paged: boolean
} {
  const value = $<HTMLSelectElement>('#scheme').value
  if (value !== 'custom') return { scheme: value as PathScheme, paged: true }
  const template = $<HTMLInputElement>('#custom-path').value.trim()
  const toPath = (index: number) => template.replace('{i}', String(index)) as DerivationPath
  parsePath(toPath(0)) // InvalidPathError, with the reason, before anything reaches the device
  return { scheme: toPath, paged: template.includes('{i}') }
}

async function listAccounts() {
  const { scheme, paged } = chosenScheme()
  accounts = await discoverAccounts(signer!, {
    scheme: paged ? scheme : () => (scheme as (index: number) => DerivationPath)(0),
    offset: paged ? offset : 0,
    limit: paged ? pageSize : 1,
  })
  const balances = await Promise.all(
    accounts.map((found) =>
      publicClient.getBalance({ address: found.address }).catch(() => undefined),
    ),
  )
  selected = undefined
  $<HTMLButtonElement>('#use').disabled = true
  $<HTMLButtonElement>('#previous').disabled = !paged || offset === 0
  $<HTMLButtonElement>('#next').disabled = !paged
  $('#accounts').replaceChildren(
    ...accounts.map((found, i) => {
      const row = document.createElement('tr')
      row.innerHTML = `<td><input type="radio" name="account" /></td><td>${found.index}</td><td><code></code></td><td><code></code></td><td class="number"></td>`
      const [radio, address, path, balance] = [
        row.querySelector('input')!,
        ...row.querySelectorAll('code'),
        row.querySelector('.number')!,
      ]
      radio!.value = found.address
      radio!.setAttribute('aria-label', `Account ${found.index}`)
      radio!.addEventListener('change', () => {
        selected = found
        $<HTMLButtonElement>('#use').disabled = false
      })
      address!.textContent = found.address
      path!.textContent = found.path
      const wei = balances[i]
      balance!.textContent = wei === undefined ? '—' : formatEth(wei)
      return row
    }),
  )
  $('#accounts-step').hidden = false
}

async function showBalance() {
  $('#balance').textContent = await describeBalance(account!.address)
}

const rememberKey = 'airlock-dapp:device'
// USB or Bluetooth, as last connected: a welcome back reconnects the same way.
const linkKey = 'airlock-dapp:ledger-link'
$<HTMLSelectElement>('#ledger-link').value = localStorage.getItem(linkKey) ?? 'webusb'

function connect() {
  return act(async () => {
    kind = chosenKind()
    const demo = kind === 'ledger' && $<HTMLInputElement>('#demo').checked
    await signer?.close()
    signer = await createSigner({
      kind,
      demoMode: demo,
      blindSigning: $<HTMLInputElement>('#refuse-blind').checked ? 'refuse' : 'allow',
    })
    watch(signer, deviceNames[kind])
    offset = 0
    $('#account-step').hidden = $('#sign-step').hidden = true
    await listAccounts()
    if (demo) localStorage.removeItem(rememberKey)
    else localStorage.setItem(rememberKey, kind)
    localStorage.setItem(linkKey, $<HTMLSelectElement>('#ledger-link').value)
  })
}
$('#connect').addEventListener('click', connect)

// Welcome back: a Ledger this browser already allowed opens without the device picker, so the page
// reconnects on load. Without that permission the browser wants a click first, and the page says so.
if (localStorage.getItem(rememberKey) === 'ledger') connect()

$('#previous').addEventListener('click', () =>
  act(async () => {
    offset = Math.max(0, offset - pageSize)
    await listAccounts()
  }),
)
$('#next').addEventListener('click', () =>
  act(async () => {
    offset += pageSize
    await listAccounts()
  }),
)

$('#use').addEventListener('click', () =>
  act(async () => {
    account = await toHardwareAccount(signer!, { path: selected!.path })
    $('#address').textContent = account.address
    $('#path').textContent = account.path
    $('#shown').hidden = true
    for (const output of document.querySelectorAll('output')) output.textContent = ''
    await showBalance()
    $('#account-step').hidden = $('#sign-step').hidden = false
  }),
)

$('#show').addEventListener('click', () =>
  act(async () => {
    $('#shown').hidden = true
    await account!.verifyAddress({ chainId: chain.id })
    $('#shown').hidden = false
  }),
)

$('#sign-message').addEventListener('click', () =>
  act(async () => {
    const message = $<HTMLInputElement>('#message').value
    $('#message-result').textContent = ''
    const signature = await account!.signMessage({ message })
    $('#message-result').textContent = `Signed by ${account!.address}: ${signature}`
  }),
)

$('#sign-permit').addEventListener('click', () =>
  act(async () => {
    $('#permit-result').textContent = ''
    const owner = account!.address
    const nonce = await permitNonce(publicClient, owner)
    const signature = await account!.signTypedData(
      permit({ owner, spender: defaultRecipient, nonce, chainId: chain.id }),
    )
    $('#permit-result').textContent = `Permit signed by ${owner}: ${signature}`
  }),
)

/** Sends from the account, waits for the block, then says in `output` how it went and what changed. */
async function sendAndReport(
  output: string,
  transaction: { to: Address; value?: bigint; data?: Hex },
  outcome: () => Promise<string>,
) {
  $(output).textContent = ''
  const wallet = createWalletClient({ account: account!, chain, transport: http(rpcUrl) })
  const hash = await wallet.sendTransaction(transaction)
  $(output).textContent = `Sent ${hash}, waiting for a block…`
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 250 })
  await showBalance()
  $(output).textContent =
    `Mined in block ${receipt.blockNumber} (${receipt.status}): ${hash}. ${await outcome()}`
}

wireSendActions(sendAndReport)
