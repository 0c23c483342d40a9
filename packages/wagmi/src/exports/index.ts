export { type LedgerParameters, ledger } from '../ledger.js'
export { type TrezorParameters, trezor } from '../trezor.js'
