// How Airlock reads the Ethereum app: its status words and errors, and what each app version can
// do. Apart from the main entry so that an app importing `@airlock/ledger` does not download them
// before a Ledger is picked.
export { ledgerAppVersions, toLedgerCapabilities } from '../driver/toLedgerCapabilities.js'
export { ledgerErrorNames, ledgerStatusWords, toLedgerError } from '../driver/toLedgerError.js'
