// How Airlock reads the Ethereum app: its status words and errors, and what each app version can
// do. Apart from the main entry so that an app importing `@airlock/ledger` does not download them
// before a Ledger is picked.

// The Bluetooth errors: here, not in the main entry, whose every import a bundler keeps once a
// dynamic chunk (the web-ble transport) shares it.
export {
  LedgerBluetoothError,
  type LedgerBluetoothErrorType,
  type LedgerBluetoothFailure,
} from '../bluetoothErrors.js'
export { ledgerDmkErrorTags } from '../driver/dmkErrorTags.js'
export { ledgerAppVersions, toLedgerCapabilities } from '../driver/toLedgerCapabilities.js'
export { ledgerErrorNames, ledgerStatusWords, toLedgerError } from '../driver/toLedgerError.js'
