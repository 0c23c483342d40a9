import { bytesToHex } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { concatBytes } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice, ProvidedInfo } from '../../device.js'
import { ApduStatusError } from '../../errors.js'

/** INS codes of the "provide" family the emulator accepts and records without verifying. */
export const provideInstructions = new Set([
  0x12, 0x14, 0x16, 0x22, 0x24, 0x26, 0x28, 0x30, 0x32, 0x36, 0x38,
])

/**
 * SET EXTERNAL PLUGIN (0x12), PROVIDE NFT INFORMATION (0x14), SET PLUGIN (0x16) and the newer
 * provide commands: accepted and recorded for the next signature. Signatures are not checked
 * (PROVIDE ERC 20 TOKEN INFORMATION, which is, has its own handler).
 */
export function provideInfo(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const info = parseInfo(apdu)
  if (info) device.provided.push(info)
  return new Uint8Array()
}

function parseInfo(apdu: Apdu): ProvidedInfo | undefined {
  const { ins, data } = apdu
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
  const hex = (bytes: Uint8Array) => bytesToHex(bytes)
  const base = { ins, data: hex(data) }
  try {
    if (ins === 0x12) {
      const n = data[0]!
      return {
        ...base,
        kind: 'external-plugin',
        ticker: text(data.subarray(1, 1 + n)),
        address: hex(data.subarray(1 + n, 21 + n)),
        selector: hex(data.subarray(21 + n, 25 + n)),
      }
    }
    if (ins === 0x16 || ins === 0x14) {
      const n = data[2]!
      return {
        ...base,
        kind: ins === 0x16 ? 'plugin' : 'nft',
        ticker: text(data.subarray(3, 3 + n)),
        address: hex(data.subarray(3 + n, 23 + n)),
        ...(ins === 0x16 ? { selector: hex(data.subarray(23 + n, 27 + n)) } : {}),
      }
    }
  } catch {
    throw new ApduStatusError(StatusWord.incorrectData, 'Malformed info')
  }
  return { ...base, kind: `ins-0x${ins.toString(16).padStart(2, '0')}` }
}

/**
 * PROVIDE DOMAIN NAME / TRUSTED NAME (0x22): P1 01 first chunk `length (2) || TLV`, P1 00 after.
 * Recorded once complete.
 */
export function provideDomainName(device: LedgerDevice, apdu: Apdu): Uint8Array {
  if (apdu.p1 === 0x01) {
    const expected = ((apdu.data[0] ?? 0) << 8) | (apdu.data[1] ?? 0)
    device.domainName = { path: [], expected, bytes: apdu.data.slice(2) }
  } else if (device.domainName) {
    device.domainName.bytes = concatBytes(device.domainName.bytes, apdu.data)
  } else {
    throw new ApduStatusError(StatusWord.incorrectData, 'No domain name in progress')
  }
  const { bytes, expected = 0 } = device.domainName
  if (bytes.length >= expected) {
    device.domainName = undefined
    device.provided.push({ ins: apdu.ins, kind: 'domain-name', data: bytesToHex(bytes) })
  }
  return new Uint8Array()
}

/**
 * GET CHALLENGE (0x20, cmd_get_challenge.c): the device's current 4-byte challenge, unchanged; a
 * signed payload that carries it (proxy info, trusted name) rolls it once checked.
 */
export function getChallenge(device: LedgerDevice): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, device.challenge)
  return out
}

/** `roll_challenge`: a new challenge (the app draws it from its RNG; a fixed step here). */
export function rollChallenge(device: LedgerDevice): void {
  device.challenge = (device.challenge + 0x1d2b3c4d) >>> 0
}
