/** One request/response pair at the device's wire level (an APDU for Ledger, a message for Trezor). */
export type EmulatorExchange = {
  readonly request: string
  readonly response: string
}
