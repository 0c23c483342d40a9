/** Thrown by a command handler to answer the current APDU with a status word. */
export class ApduStatusError extends Error {
  override name = 'ApduStatusError'
  readonly statusWord: number

  constructor(statusWord: number, reason: string) {
    super(`${reason} (0x${statusWord.toString(16).padStart(4, '0')})`)
    this.statusWord = statusWord
  }
}

/** The emulator was given a mnemonic that is not a valid BIP-39 English mnemonic. */
export class InvalidEmulatorMnemonicError extends Error {
  override name = 'InvalidEmulatorMnemonicError'

  constructor() {
    super('Ledger emulator: the mnemonic is not a valid BIP-39 English mnemonic.')
  }
}

/** An option given to `createLedgerEmulator` is out of range. */
export class InvalidEmulatorOptionError extends Error {
  override name = 'InvalidEmulatorOptionError'

  constructor(option: string, details: string) {
    super(`Ledger emulator: invalid option "${option}": ${details}`)
  }
}
