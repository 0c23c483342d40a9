// How Airlock talks to Trezor Connect: the request it builds for a transaction, how it reads
// Connect's errors and the device's features. Apart from the main entry so that an app importing
// `@airlock/trezor` does not download them before a Trezor is picked.

export { toTrezorCapabilities } from '../driver/toTrezorCapabilities.js'
export { type ToTrezorErrorOptions, toTrezorError } from '../driver/toTrezorError.js'
export {
  type BuildSignTransactionRequestParameters,
  buildSignTransactionRequest,
  maxTrezorChainId,
  maxTrezorLegacyChainId,
} from '../requests/buildSignTransactionRequest.js'
