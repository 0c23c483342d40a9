import { DisconnectedDevice } from '@ledgerhq/hw-transport/errors'
import {
  type EmulatorExchange,
  type EmulatorFault,
  type EmulatorReview,
  type EmulatorUser,
  testMnemonic,
} from '../shared/types.js'
import { type LedgerDevice, resetContext } from './device.js'
import { InvalidEmulatorOptionError } from './errors.js'
import { createKeyring } from './keys.js'
import { LedgerEmulatorTransport } from './LedgerEmulatorTransport.js'
import type {
  LedgerApp,
  LedgerEip7702Setting,
  LedgerEmulatorOptions,
  LedgerModel,
} from './types.js'
import { createUsbLink } from './usbLink.js'

/**
 * An in-process Ledger running the Ethereum app, at the APDU level. TEST KEYS ONLY: it holds a
 * mnemonic in memory to play a device in tests and demos; never give it one that guards real funds.
 */
export type LedgerEmulator = {
  /** A real `@ledgerhq/hw-transport` Transport: `new Eth(emulator.transport)`. */
  readonly transport: LedgerEmulatorTransport
  readonly model: LedgerModel
  /** Every review the device showed, in order, with its outcome. */
  readonly reviews: readonly EmulatorReview[]
  /** Every APDU exchange, as hex (`response` is '' when the device never answered). */
  readonly exchanges: readonly EmulatorExchange[]
  /** Whether the device is locked (answers 0x5515). */
  readonly locked: boolean
  /** Whether the device is plugged in. */
  readonly plugged: boolean
  /** The open app, or 'dashboard'. */
  readonly app: LedgerApp
  /** Sets who answers the next reviews. */
  setUser: (user: EmulatorUser) => void
  /** Queues a fault; each applies once, to the next exchange or signature it names. */
  injectFault: (fault: EmulatorFault) => void
  /** Drops every queued fault. */
  clearFaults: () => void
  /** Pulls the cable: exchanges in flight and later ones reject with DisconnectedDeviceDuringOperation. */
  unplug: () => void
  /** Plugs the device back in (same transport object, same lock state and app; flows are reset). */
  plug: () => void
  /** Locks the device (PIN screen). */
  lock: () => void
  /** Unlocks the device. */
  unlock: () => void
  /** Opens an app (or goes back to the dashboard with 'dashboard'). */
  openApp: (app: LedgerApp) => void
  /** Changes the Ethereum app's blind-signing setting. */
  setBlindSigning: (enabled: boolean) => void
  /** Changes the Ethereum app's EIP-7702 setting. */
  setEip7702: (setting: LedgerEip7702Setting) => void
  /** Empties `reviews` and `exchanges`. */
  clearLogs: () => void
}

const models: readonly LedgerModel[] = ['nanoS', 'nanoSP', 'nanoX', 'stax', 'flex']

/** Creates a Ledger emulator running the Ethereum app. TEST KEYS ONLY. */
export function createLedgerEmulator(options: LedgerEmulatorOptions = {}): LedgerEmulator {
  const model = options.model ?? 'nanoX'
  if (!models.includes(model)) throw new InvalidEmulatorOptionError('model', String(model))
  const device: LedgerDevice = {
    keyring: createKeyring(options.mnemonic ?? testMnemonic, options.passphrase ?? ''),
    model,
    app: options.app ?? { name: 'Ethereum', version: model === 'nanoS' ? '1.10.4' : '1.16.0' },
    locked: options.locked ?? false,
    blindSigning: options.blindSigning ?? false,
    eip7702: options.eip7702 ?? false,
    user: options.user ?? 'approve',
    reviews: [],
    signatureFaults: [],
    provided: [],
    transaction: undefined,
    message: undefined,
    authorization: undefined,
    domainName: undefined,
    eip712: undefined,
    challenge: 0,
  }
  const link = createUsbLink(device, options.latency ?? 0, () => {
    transport.emit('disconnect', new DisconnectedDevice())
  })
  const transport = new LedgerEmulatorTransport(link.exchange, model)
  const describe = () =>
    `LedgerEmulator(${model}, ${device.app === 'dashboard' ? 'dashboard' : `${device.app.name} ${device.app.version}`}, ${device.locked ? 'locked' : 'unlocked'}) [TEST KEYS ONLY]`
  return {
    transport,
    model,
    reviews: device.reviews,
    exchanges: link.exchanges,
    get locked() {
      return device.locked
    },
    get plugged() {
      return link.plugged
    },
    get app() {
      return device.app
    },
    setUser: (user) => {
      device.user = user
    },
    injectFault: (fault) => {
      if ('atExchange' in fault || !isSignatureFault(fault)) {
        const remaining = 'atExchange' in fault ? (fault.atExchange ?? 0) : 0
        link.exchangeFaults.push({ fault: fault as never, remaining })
      } else device.signatureFaults.push(fault)
    },
    clearFaults: () => {
      link.exchangeFaults.length = 0
      device.signatureFaults.length = 0
    },
    unplug: () => link.unplug(),
    plug: () => {
      resetContext(device)
      link.plugged = true
    },
    lock: () => {
      resetContext(device)
      device.locked = true
    },
    unlock: () => {
      device.locked = false
    },
    openApp: (app) => {
      resetContext(device)
      device.app = app
    },
    setBlindSigning: (enabled) => {
      device.blindSigning = enabled
    },
    setEip7702: (setting) => {
      device.eip7702 = setting
    },
    clearLogs: () => {
      device.reviews.length = 0
      link.exchanges.length = 0
    },
    toString: describe,
    [Symbol.for('nodejs.util.inspect.custom')]: describe,
  } as LedgerEmulator
}

function isSignatureFault(fault: EmulatorFault): boolean {
  return (
    fault.type === 'corrupt-signature' || fault.type === 'wrong-key' || fault.type === 'wrong-v'
  )
}
