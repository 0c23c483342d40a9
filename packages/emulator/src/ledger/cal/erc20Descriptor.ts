import { type Address, bytesToHex, type Hex, hexToBytes } from 'viem'
import { concatBytes } from '../apdu/bytes.js'
import { signCalPayload } from './calKey.js'

/** What a PROVIDE ERC 20 TOKEN INFORMATION descriptor states. */
export type Erc20Descriptor = {
  readonly ticker: string
  readonly address: Address
  readonly decimals: number
  readonly chainId: number
}

/**
 * A PROVIDE ERC 20 TOKEN INFORMATION payload signed with a test CAL key, as hw-app-eth sends it
 * (`resolution.erc20Tokens`, `provideERC20TokenInformation`). TEST KEYS ONLY.
 */
export function signErc20Descriptor(privateKey: Hex | Uint8Array, token: Erc20Descriptor): Hex {
  const ticker = new TextEncoder().encode(token.ticker)
  const numbers = new Uint8Array(8)
  const view = new DataView(numbers.buffer)
  view.setUint32(0, token.decimals)
  view.setUint32(4, token.chainId)
  const signed = concatBytes(ticker, hexToBytes(token.address), numbers)
  const signature = hexToBytes(signCalPayload(privateKey, signed))
  return bytesToHex(concatBytes(Uint8Array.of(ticker.length), signed, signature))
}
