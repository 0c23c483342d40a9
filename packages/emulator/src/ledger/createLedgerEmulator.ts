import { hexToBytes, isHex } from 'viem'
import { DisconnectedDevice } from '#hw-transport'
import type { EmulatorControls } from '../common/controls.js'
import { createEmulatorState } from '../common/emulatorState.js'
import { testMnemonic } from '../common/testMnemonic.js'
import { ledgerCalPublicKey } from './cal/calKey.js'
import { ledgerNftMetadataPublicKey } from './cal/nftInformation.js'
import { type LedgerDevice, resetContext } from './device.js'
import { InvalidEmulatorOptionError } from './errors.js'
import { createGenericParserState } from './ethereumApp/genericParser/session.js'
import { createTokenSlots } from './ethereumApp/tokenSlots.js'
import { createKeyring } from './keys/keyring.js'
import type {
  LedgerApp,
  LedgerEip7702Setting,
  LedgerEmulatorOptions,
  LedgerModel,
} from './types.js'
import { LedgerEmulatorTransport } from './usb/LedgerEmulatorTransport.js'
import { createUsbLink } from './usb/usbLink.js'

/**
 * An in-process Ledger running the Ethereum app, at the APDU level. TEST KEYS ONLY: it holds a
 * mnemonic in memory to play a device in tests and demos; never give it one that guards real funds.
 *
 * `exchanges` are APDUs as hex. An exchange fault's `atExchange` counts the APDUs that reach the
 * device from the moment it is armed. `unplug()` rejects exchanges in flight and later ones with
 * DisconnectedDeviceDuringOperation; `plug()` keeps the same transport object, lock state and app.
 */
export type LedgerEmulator = EmulatorControls & {
  /** A real `@ledgerhq/hw-transport` Transport: `new Eth(emulator.transport)`. */
  readonly transport: LedgerEmulatorTransport
  readonly model: LedgerModel
  /** The open app, or 'dashboard'. */
  readonly app: LedgerApp
  /** Opens an app (or goes back to the dashboard with 'dashboard'). */
  openApp(app: LedgerApp): void
  /** Changes the Ethereum app's blind-signing setting. */
  setBlindSigning(enabled: boolean): void
  /** Changes the Ethereum app's verbose EIP-712 ("Raw messages") setting. */
  setVerboseEip712(enabled: boolean): void
  /** Changes the Ethereum app's EIP-7702 setting. */
  setEip7702(setting: LedgerEip7702Setting): void
}

const models: readonly LedgerModel[] = ['nanoS', 'nanoSP', 'nanoX', 'stax', 'flex']

/** Creates a Ledger emulator running the Ethereum app. TEST KEYS ONLY. */
export function createLedgerEmulator(options: LedgerEmulatorOptions = {}): LedgerEmulator {
  const model = options.model ?? 'nanoX'
  if (!models.includes(model)) throw new InvalidEmulatorOptionError('model', String(model))
  const calPublicKey = isHex(options.calPublicKey ?? ledgerCalPublicKey)
    ? hexToBytes(options.calPublicKey ?? ledgerCalPublicKey)
    : new Uint8Array()
  if (calPublicKey.length !== 65 || calPublicKey[0] !== 0x04) {
    throw new InvalidEmulatorOptionError('calPublicKey', 'not an uncompressed secp256k1 key')
  }
  const nftPublicKey = readUncompressedKey(
    'nftPublicKey',
    options.nftPublicKey ?? ledgerNftMetadataPublicKey,
  )
  const pkiRootPublicKey = readPkiRoot(options.pkiRootPublicKey)
  const device: LedgerDevice = {
    ...createEmulatorState(options),
    keyring: createKeyring(options.mnemonic ?? testMnemonic, options.passphrase ?? ''),
    model,
    app: options.app ?? { name: 'Ethereum', version: model === 'nanoS' ? '1.10.4' : '1.22.0' },
    locked: options.locked ?? false,
    blindSigning: options.blindSigning ?? false,
    verboseEip712: options.verboseEip712 ?? false,
    eip7702: options.eip7702 ?? false,
    calPublicKey,
    nftPublicKey,
    provided: [],
    tokens: createTokenSlots(),
    transaction: undefined,
    message: undefined,
    authorization: undefined,
    domainName: undefined,
    eip712: undefined,
    challenge: 0,
    pkiRootPublicKey,
    pkiCertificate: undefined,
    genericParser: createGenericParserState(),
  }
  const link = createUsbLink(device, () => {
    transport.emit('disconnect', new DisconnectedDevice())
  })
  const transport = new LedgerEmulatorTransport(link.exchange, model)
  const describe = () =>
    `LedgerEmulator(${model}, ${device.app === 'dashboard' ? 'dashboard' : `${device.app.name} ${device.app.version}`}, ${device.locked ? 'locked' : 'unlocked'}) [TEST KEYS ONLY]`
  return {
    transport,
    model,
    reviews: device.reviews,
    exchanges: device.exchanges,
    get connected() {
      return link.connected
    },
    get locked() {
      return device.locked
    },
    get app() {
      return device.app
    },
    setUser: (user) => {
      device.user = user
    },
    injectFault: (fault) => device.faults.arm(fault),
    clearFaults: () => device.faults.clear(),
    setLatency: (latency) => {
      device.latency = latency
    },
    clearLogs: () => {
      device.reviews.length = 0
      device.exchanges.length = 0
    },
    unplug: async () => link.unplug(),
    plug: async () => link.plug(),
    lock: () => {
      resetContext(device)
      device.locked = true
    },
    unlock: () => {
      device.locked = false
    },
    openApp: (app) => {
      resetContext(device)
      device.pkiCertificate = undefined
      device.app = app
    },
    setBlindSigning: (enabled) => {
      device.blindSigning = enabled
    },
    setVerboseEip712: (enabled) => {
      device.verboseEip712 = enabled
    },
    setEip7702: (setting) => {
      device.eip7702 = setting
    },
    // Nothing to release: the emulator holds no process resources.
    dispose: async () => {},
    toString: describe,
    [Symbol.for('nodejs.util.inspect.custom')]: describe,
  } as LedgerEmulator
}

function readUncompressedKey(option: string, key: string): Uint8Array {
  const bytes = isHex(key) ? hexToBytes(key) : new Uint8Array()
  if (bytes.length !== 65 || bytes[0] !== 0x04) {
    throw new InvalidEmulatorOptionError(option, 'not an uncompressed secp256k1 key')
  }
  return bytes
}

function readPkiRoot(key: LedgerEmulatorOptions['pkiRootPublicKey']): Uint8Array | undefined {
  if (key === undefined) return undefined
  const bytes = isHex(key) ? hexToBytes(key) : new Uint8Array()
  if (bytes.length !== 65 || bytes[0] !== 0x04) {
    throw new InvalidEmulatorOptionError('pkiRootPublicKey', 'not an uncompressed secp256k1 key')
  }
  return bytes
}
