import type { HardwareSigner } from '@airlock/core'
import type { LedgerEmulator } from '@airlock/emulator/ledger'
import type { LedgerTransport } from '@airlock/ledger'
import { loadBundledDescriptors } from './bundledDescriptors.js'
import { createDemoLedger } from './demoLedger.js'

export type DeviceKind = 'ledger' | 'trezor'

export const deviceNames: Record<DeviceKind, string> = { ledger: 'Ledger', trezor: 'Trezor' }

/** Who is asking, as Trezor Connect requires. */
export const manifest = {
  appName: 'Airlock dApp example',
  appUrl: 'https://github.com/airlock/airlock',
  email: 'dev@airlock.invalid',
}

let demo: LedgerEmulator | undefined

/** The ways to reach a Ledger the page offers (`#ledger-link`), each with the browser's picker. */
const ledgerLinks = ['webusb', 'webhid', 'web-ble'] as const

/**
 * How to reach the Ledger: USB (WebUSB or WebHID) or Bluetooth, as chosen on the page (the
 * browser's device picker, from a click), or in demo mode the transport of an emulated Ledger
 * drawn beside the page.
 */
export async function ledgerTransport(demoMode: boolean): Promise<LedgerTransport> {
  if (!demoMode) {
    const chosen = document.querySelector<HTMLSelectElement>('#ledger-link')?.value
    return ledgerLinks.find((link) => link === chosen) ?? 'webusb'
  }
  demo ??= await createDemoLedger(document.querySelector<HTMLElement>('#device-panel')!)
  return demo.transport
}

/** What the person chose on the connect step. */
export type SignerChoice = {
  kind: DeviceKind
  demoMode: boolean
  /** `'refuse'`: a request the device could only blind-sign fails before reaching it. */
  blindSigning: 'allow' | 'refuse'
}

/**
 * A signer for the chosen device; each device SDK loads on first use. Trezor: Connect's popup.
 * Ledger: with the descriptors the page bundles for its Counter, so that call shows field by field.
 */
export async function createSigner({
  kind,
  demoMode,
  blindSigning,
}: SignerChoice): Promise<HardwareSigner> {
  if (kind === 'trezor') {
    const { createTrezorSigner } = await import('@airlock/trezor')
    return createTrezorSigner({ manifest, blindSigning })
  }
  const [{ createLedgerSigner }, descriptors] = await Promise.all([
    import('@airlock/ledger'),
    loadBundledDescriptors(),
  ])
  return createLedgerSigner({
    transport: await ledgerTransport(demoMode),
    blindSigning,
    descriptors,
  })
}
