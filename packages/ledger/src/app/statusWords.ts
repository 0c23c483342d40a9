// The status words (besides 0x9000, success) of the Ledger OS and the Ethereum app that Airlock
// maps (LedgerHQ/ledger-secure-sdk `include/status_words.h`, app-ethereum `src/apdu_constants.h`,
// hw-transport `StatusCodes`). Imported as a namespace: `statusWords.conditionsNotSatisfied`.

/** USER_REFUSED_ON_DEVICE: an OS-level refusal. */
export const userRefusedOnDevice = 0x5501
/** LOCKED_DEVICE: the PIN screen is up. */
export const lockedDevice = 0x5515
/** The app does not sign this transaction type. */
export const unsupportedTransactionType = 0x6501
/** The app was closed while Airlock talked to it. */
export const appClosed = 0x650f
/** No app is open: the dashboard answers. */
export const appNotOpen = 0x6511
/** SWO_COMMAND_NOT_ALLOWED: a setting forbids the request (EIP-7702 off, delegate not whitelisted). */
export const commandNotAllowed = 0x6980
/** SECURITY_STATUS_NOT_SATISFIED: how older firmware answers while the PIN screen is up. */
export const securityStatusNotSatisfied = 0x6982
/** SWO_CONDITIONS_NOT_SATISFIED: the user rejected the review. */
export const conditionsNotSatisfied = 0x6985
/** SWO_INCORRECT_DATA; for transactions and hashed EIP-712 also "blind signing is off". */
export const incorrectData = 0x6a80
/** INS_NOT_SUPPORTED: another app is open, or this app predates the command. */
export const insNotSupported = 0x6d00
/** UNKNOWN_APDU: the dashboard does not know the command. */
export const unknownApdu = 0x6d02
/** CLA_NOT_SUPPORTED: another app (or the dashboard) is open. */
export const claNotSupported = 0x6e00
/** CLA_NOT_SUPPORTED_BOOTLOADER */
export const claNotSupportedBootloader = 0x6e01
/** HALTED: the device stopped answering until it is reconnected. */
export const halted = 0x6faa
/** SWO_PARAMETER_ERROR_NO_INFO: an EIP-712 filter the app refused (a bad signature among others). */
export const parameterErrorNoInfo = 0x6a00
/** SWO_REFERENCED_DATA_NOT_FOUND: EIP-712 filters announced but missing at signing (app 1.22.0). */
export const referencedDataNotFound = 0x6a88
