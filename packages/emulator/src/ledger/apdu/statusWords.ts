/**
 * Status words the Ledger Ethereum app and the dashboard answer with.
 * Values from the Ledger SDK `status_words.h` and LedgerHQ/app-ethereum.
 */
export const StatusWord = {
  ok: 0x9000,
  /** Rejected on the device (app-ethereum answers SWO_CONDITIONS_NOT_SATISFIED). */
  rejectedByUser: 0x6985,
  /** The device is locked (PIN screen). */
  locked: 0x5515,
  /** CLA not supported: the dashboard or another app is open. */
  claNotSupported: 0x6e00,
  /** INS not supported by the open app. */
  insNotSupported: 0x6d00,
  /** Wrong P1/P2. */
  wrongP1P2: 0x6b00,
  /** Invalid data, also "blind signing is off" for contract data and hashed EIP-712. */
  incorrectData: 0x6a80,
  /**
   * SWO_PARAMETER_ERROR_NO_INFO: an EIP-712 command that failed without naming a status, e.g. a
   * filter whose CAL signature does not verify (commands_712.c:55-57).
   */
  parameterErrorNoInfo: 0x6a00,
  /** SWO_REFERENCED_DATA_NOT_FOUND: EIP-712 filters announced but missing at SIGN. */
  referencedDataNotFound: 0x6a88,
  /** Refused by a setting, e.g. EIP-7702 off or the delegate is not whitelisted. */
  commandNotAllowed: 0x6980,
  /** Transaction type not supported. */
  unsupportedTransactionType: 0x6501,
} as const

export type StatusWordCode = (typeof StatusWord)[keyof typeof StatusWord]
