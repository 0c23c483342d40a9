import { bytesToHex, getAddress } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { verifyCalSignature } from '../../cal/calKey.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { isAppCompatibleChain } from '../appChains.js'
import { storeToken } from '../tokenSlots.js'

// MAX_TICKER_LEN (ethereum-plugin-sdk src/asset_info.h:35) is 51 with the NUL.
const maxTickerLength = 50

/**
 * PROVIDE ERC 20 TOKEN INFORMATION (E0 0A): `tickerLen (1) || ticker || address (20) ||
 * decimals (4, BE) || chainId (4, BE) || DER signature`. Answers the slot index it stored the
 * token at (src/features/provide_erc20_token_information/cmd_provide_token_info.c:60).
 *
 * The CAL key signs `sha256(ticker || address || decimals || chainId)`, the length byte left out
 * (cmd_provide_token_info.c:29). A bad signature, a short payload, a ticker over 50 characters and
 * a chain the app does not know all answer 0x6A80.
 */
export function provideErc20TokenInfo(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const { data } = apdu
  const bad = (why: string) => new ApduStatusError(StatusWord.incorrectData, why)
  const tickerLength = data[0]
  if (tickerLength === undefined) throw bad('Empty token descriptor')
  if (tickerLength > maxTickerLength) throw bad('Ticker too long')
  const signedLength = tickerLength + 20 + 4 + 4
  if (data.length - 1 < signedLength) throw bad('Short token descriptor')
  const signed = data.subarray(1, 1 + signedLength)
  const ticker = new TextDecoder().decode(signed.subarray(0, tickerLength))
  const address = getAddress(bytesToHex(signed.subarray(tickerLength, tickerLength + 20)))
  const decimals = Number(readUintBE(signed.subarray(tickerLength + 20, tickerLength + 24)))
  const chainId = readUintBE(signed.subarray(tickerLength + 24, tickerLength + 28))
  if (!isAppCompatibleChain(chainId)) throw bad(`Unsupported chain id ${chainId}`)
  const signature = data.subarray(1 + signedLength)
  if (!verifyCalSignature(device.calPublicKey, signed, signature)) {
    throw bad('Token descriptor signature invalid')
  }
  const index = storeToken(device.tokens, { address, ticker, decimals: decimals & 0xff, chainId })
  return Uint8Array.of(index)
}
