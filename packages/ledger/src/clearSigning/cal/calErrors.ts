/** A request to Ledger's CAL failed or answered what Airlock cannot use. */
export class CalRequestError extends Error {
  override name = 'CalRequestError'
  readonly url: string
  constructor(url: string, details: string) {
    super(
      `Ledger's crypto-asset list (CAL) could not be used (${details}). Check the CAL URL and your network, or bundle the descriptors with \`airlock-ledger descriptors\`.`,
    )
    this.url = url
  }
}
