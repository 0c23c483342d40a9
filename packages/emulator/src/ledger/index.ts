export { createLedgerEmulator, type LedgerEmulator } from './createLedgerEmulator.js'
export { builtInEip7702Whitelist } from './eip7702Whitelist.js'
export {
  ApduStatusError,
  InvalidEmulatorMnemonicError,
  InvalidEmulatorOptionError,
} from './errors.js'
export { LedgerEmulatorTransport } from './LedgerEmulatorTransport.js'
export { StatusWord } from './statusWords.js'
export type {
  LedgerApp,
  LedgerEip7702Delegate,
  LedgerEip7702Setting,
  LedgerEmulatorOptions,
  LedgerModel,
} from './types.js'
