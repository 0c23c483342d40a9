import type { EmulatorReview, EmulatorUserDecision, LedgerEmulator } from '@airlock/emulator/ledger'
import { testPkiRootPublicKey } from './testPkiRoot.js'

/**
 * Demo mode: an emulated Ledger inside the page (TEST KEYS ONLY), drawn in `panel`. Its screens
 * appear there with Approve and Reject buttons, and it can be locked, sent to the dashboard or
 * unplugged, so every message of the page can be seen without a device. It trusts the TEST PKI
 * root that signed the page's bundled Counter descriptor, so that call shows field by field here;
 * a real Ledger refuses those test signatures and the page reports the call blind.
 */
export async function createDemoLedger(panel: HTMLElement): Promise<LedgerEmulator> {
  const { createLedgerEmulator } = await import('@airlock/emulator/ledger')
  const decisions = new WeakMap<EmulatorReview, Promise<EmulatorUserDecision>>()
  console.warn(
    'Demo Ledger: TEST KEYS ONLY, and it trusts a TEST PKI root (clear-signing certificates no real Ledger accepts).',
  )
  const emulator = createLedgerEmulator({
    // A TEST root: the emulator accepts the page's test-signed Counter descriptor. Never Ledger's.
    pkiRootPublicKey: testPkiRootPublicKey,
    // The person at the emulated device is you: each review waits for a button in the panel.
    user: (_screen, review) => {
      let decision = decisions.get(review)
      if (!decision) {
        decision = ask(review)
        decisions.set(review, decision)
      }
      return decision
    },
  })

  panel.hidden = false
  panel.innerHTML = `
    <h2>Emulated Ledger <small>(test keys only)</small></h2>
    <p class="test-root" data-testid="test-root">
      <strong>TEST PKI root:</strong> this emulator trusts test-signed clear-signing descriptors
      (the Counter's). A real Ledger refuses them and shows that call blind.
    </p>
    <div class="screen" data-testid="device-screen"></div>
    <div class="review-buttons">
      <button type="button" data-action="approve" disabled>Approve</button>
      <button type="button" data-action="reject" disabled>Reject</button>
    </div>
    <div class="device-controls">
      <button type="button" data-action="lock">Lock</button>
      <button type="button" data-action="app">Quit the Ethereum app</button>
      <button type="button" data-action="plug">Unplug</button>
    </div>`
  const screen = panel.querySelector<HTMLElement>('.screen')!
  const approve = panel.querySelector<HTMLButtonElement>('[data-action=approve]')!
  const reject = panel.querySelector<HTMLButtonElement>('[data-action=reject]')!
  const lock = panel.querySelector<HTMLButtonElement>('[data-action=lock]')!
  const app = panel.querySelector<HTMLButtonElement>('[data-action=app]')!
  const plug = panel.querySelector<HTMLButtonElement>('[data-action=plug]')!

  function idle() {
    if (!emulator.connected) screen.textContent = '(unplugged)'
    else if (emulator.locked) screen.textContent = 'Enter your PIN'
    else if (emulator.app === 'dashboard') screen.textContent = 'Dashboard: Ethereum, Bitcoin, …'
    else screen.textContent = 'Ethereum is ready'
    lock.textContent = emulator.locked ? 'Unlock' : 'Lock'
    app.textContent =
      emulator.app === 'dashboard' ? 'Open the Ethereum app' : 'Quit the Ethereum app'
    plug.textContent = emulator.connected ? 'Unplug' : 'Plug in'
  }

  function ask(review: EmulatorReview): Promise<EmulatorUserDecision> {
    screen.replaceChildren(
      ...review.screens.map(({ title, value }) => {
        const row = document.createElement('div')
        row.className = 'screen-row'
        const label = document.createElement('span')
        label.className = 'screen-title'
        label.textContent = title
        const text = document.createElement('span')
        text.textContent = value
        row.append(label, text)
        return row
      }),
    )
    approve.disabled = reject.disabled = false
    return new Promise((resolve) => {
      const decide = (decision: EmulatorUserDecision) => () => {
        approve.disabled = reject.disabled = true
        approve.onclick = reject.onclick = null
        resolve(decision)
        idle()
      }
      approve.onclick = decide('approve')
      reject.onclick = decide('reject')
    })
  }

  lock.onclick = () => {
    if (emulator.locked) emulator.unlock()
    else emulator.lock()
    idle()
  }
  app.onclick = () => {
    emulator.openApp(
      emulator.app === 'dashboard' ? { name: 'Ethereum', version: '1.15.0' } : 'dashboard',
    )
    idle()
  }
  plug.onclick = async () => {
    if (emulator.connected) await emulator.unplug()
    else await emulator.plug()
    approve.disabled = reject.disabled = true
    idle()
  }
  idle()
  return emulator
}
