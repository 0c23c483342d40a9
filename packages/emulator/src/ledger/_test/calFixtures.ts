// Real CAL data (production key) extracted from @ledgerhq/cryptoassets-evm-signatures@13.7.1, see
// fixtures/cal.json `source`.
import { Buffer } from 'buffer'
import cal from './fixtures/cal.json' with { type: 'json' }

/** hw-app-eth `loadConfig.staticERC20Signatures`: chain id → base64 of `u32BE length || payload`. */
export const staticErc20Signatures: Record<string, string> = cal.erc20Signatures

/** hw-app-eth `loadConfig.staticEIP712SignaturesV2`: the USDC Permit and Permit2 PermitSingle. */
export const staticEip712SignaturesV2 = cal.eip712SignaturesV2

/** The PROVIDE ERC 20 TOKEN INFORMATION payloads of the fixture, by `chainId:lowercase address`. */
export function erc20Payloads(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {}
  for (const [chainId, blob] of Object.entries(staticErc20Signatures)) {
    const records = Buffer.from(blob, 'base64')
    for (let i = 0; i < records.length; ) {
      const length = records.readUInt32BE(i)
      const payload = records.subarray(i + 4, i + 4 + length)
      const tickerLength = payload[0]!
      const address = payload.subarray(1 + tickerLength, 21 + tickerLength).toString('hex')
      out[`${chainId}:0x${address}`] = payload
      i += 4 + length
    }
  }
  return out
}

export const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
export const usdt = '0xdAC17F958D2ee523a2206206994597C13D831ec7'
export const polygonDai = '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063'
