import type {
  BlindSigningPolicy,
  DerivationPath,
  DeviceStatusListener,
  PathScheme,
} from '@airlock/core'
import { createHardwareConnector } from './internal/createHardwareConnector.js'
import { deviceIcon } from './internal/deviceIcon.js'
import type { LedgerDescriptors, LedgerServicesOption, LedgerTransport } from './ledgerTypes.js'

export type LedgerParameters = {
  /**
   * The connector's id in wagmi (and its storage key): change it to list two of these.
   * @default 'ledger'
   */
  id?: string | undefined
  /**
   * The name wallet pickers show.
   * @default 'Ledger'
   */
  name?: string | undefined
  /**
   * The icon wallet pickers show: a URL, usually `data:`.
   * @default a neutral Ledger device glyph (not Ledger's mark)
   */
  icon?: string | undefined
  /**
   * Gets the device's status from the first connect on: connecting, unlock it, open the app,
   * confirm on it (in clear or blind), done, failed. For what a picker or the page tells the user.
   */
  onStatus?: DeviceStatusListener | undefined
  /**
   * How to reach the Ledger: `'webusb'`, `'webhid'`, a function that opens a
   * `@ledgerhq/hw-transport` Transport, or an open one.
   * @default 'webusb'
   */
  transport?: LedgerTransport | undefined
  /**
   * The account's derivation path. Takes precedence over `scheme` and `index`.
   * @default undefined
   */
  path?: DerivationPath | undefined
  /**
   * The derivation-path scheme the account is found with.
   * @default 'ledgerLive'
   */
  scheme?: PathScheme | undefined
  /**
   * The account's index in `scheme`.
   * @default 0
   */
  index?: number | undefined
  /**
   * How long a device call may wait, user review included, in ms.
   * @default 300_000
   */
  timeout?: number | undefined
  /**
   * Let the Ethereum app fetch token and contract metadata from Ledger's services to clear-sign
   * more. Off, nothing leaves the browser.
   * @default false
   */
  clearSigning?: boolean | undefined
  /**
   * Ledger-signed ERC-7730 descriptors for your contracts (written by `airlock-ledger
   * descriptors`): their calls show field by field, with no request at signing time.
   * @default undefined
   */
  descriptors?: LedgerDescriptors | readonly LedgerDescriptors[] | undefined
  /**
   * Fetched mode: ask Ledger's CAL (or `{ url }`) for descriptors at signing time, cached for the
   * session; the chain and contracts only, never the account. Off, nothing leaves the browser.
   * @default false
   */
  ledgerServices?: LedgerServicesOption | undefined
  /**
   * `'refuse'`: a request the device would show only blind (raw contract data, hashes) is refused
   * with `BlindSigningRefusedError` (EIP-1193 4001) before it reaches the device.
   * @default 'allow'
   */
  blindSigning?: BlindSigningPolicy | undefined
}

// Ledger's USB vendor id, the filter hw-transport-webusb and -webhid ask the browser for.
const ledgerVendorId = 0x2c97

/** A USB stick with its button: the Ledger glyph pickers show by default. */
const ledgerIcon = deviceIcon(
  '<rect x="5.5" y="2.5" width="5" height="11" rx="1"/><circle cx="8" cy="10" r="1"/>',
)

ledger.type = 'ledger' as const
/**
 * A wagmi connector for a Ledger running the Ethereum app. `@airlock/ledger` (and the Ledger SDK)
 * is imported on connect, not before. On page load, wagmi reconnects only a user who connected and
 * did not disconnect, through a Ledger whose browser permission is still granted (no picker).
 */
export function ledger(parameters: LedgerParameters = {}) {
  const {
    id = 'ledger',
    name = 'Ledger',
    icon = ledgerIcon,
    onStatus,
    path,
    scheme = 'ledgerLive',
    index = 0,
    ...device
  } = parameters
  return createHardwareConnector({
    id,
    name,
    icon,
    type: ledger.type,
    rdns: 'io.github.airlock.ledger',
    async getSigner() {
      const { createLedgerSigner } = await import('@airlock/ledger')
      return createLedgerSigner(device)
    },
    location: path ? { path } : { scheme, index },
    onStatus,
    canReconnect: () => hasPermittedLedger(device.transport),
  })
}

/**
 * Whether the browser still lets this origin open a Ledger without its device picker (the user
 * granted it before): WebUSB's and WebHID's `getDevices` list those without touching them. Other
 * transports are the app's own and are opened as they are.
 */
async function hasPermittedLedger(transport: LedgerParameters['transport'] = 'webusb') {
  if (transport !== 'webusb' && transport !== 'webhid') return true
  type DeviceApi = { getDevices?: () => Promise<{ vendorId: number }[]> }
  const api = (globalThis.navigator as { usb?: DeviceApi; hid?: DeviceApi } | undefined)?.[
    transport === 'webusb' ? 'usb' : 'hid'
  ]
  const devices = (await api?.getDevices?.().catch(() => undefined)) ?? []
  return devices.some((device) => device.vendorId === ledgerVendorId)
}
