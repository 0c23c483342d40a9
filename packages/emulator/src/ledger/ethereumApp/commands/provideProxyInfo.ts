import type { Apdu } from '../../apdu/apdu.js'
import type { LedgerDevice } from '../../device.js'
import { parseProxyInfo } from '../genericParser/proxyInfo.js'
import { receiveTlvChunk } from '../genericParser/session.js'
import { rollChallenge } from './provideInfo.js'

/**
 * PROVIDE PROXY INFO (E0 2A, cmd_proxy_info.c): P1 01 first chunk, P1 00 after (`tlv_from_apdu`).
 * A complete payload first drops the proxy info held, then must verify (proxyInfo.ts) to be kept;
 * anything refused answers 0x6A80. Allowed whether or not a transaction is stored.
 */
export function provideProxyInfo(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const state = device.genericParser
  const payload = receiveTlvChunk(state, apdu)
  if (!payload) return new Uint8Array()
  state.proxy = undefined
  state.proxy = parseProxyInfo(payload, device.pkiCertificate, device.challenge, () =>
    rollChallenge(device),
  )
  return new Uint8Array()
}
