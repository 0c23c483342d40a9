import * as ins from './ins.js'
import type { SendCommand } from './types.js'

/**
 * PROVIDE ERC 20 TOKEN INFORMATION (`E0 0A 00 00`): a token descriptor as Ledger signs it,
 * `tickerLength || ticker || address || decimals (u32) || chainId (u32) || DER signature`. The app
 * checks the signature against Ledger's key and answers the asset slot it stored the token in.
 */
export async function provideTokenInformation(
  send: SendCommand,
  descriptor: Uint8Array,
): Promise<number> {
  const response = await send(ins.provideErc20TokenInformation, 0x00, 0x00, descriptor)
  return response[0]!
}
