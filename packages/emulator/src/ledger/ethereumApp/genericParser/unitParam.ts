import { formatUnits } from 'viem'
import { readUintBE } from '../../apdu/bytes.js'
import { readParamValues, requiredTag } from './paramValues.js'
import { malformed, type TlvEntry, tlvByTag, tlvUint } from './tlv.js'
import { parseValue, type ValueContext } from './value.js'

// BASE_STR_SIZE (gtp_param_unit.h), with its NUL.
const baseCapacity = 11

/**
 * A UNIT param (gtp_param_unit.c): each value in decimal with `decimals` (`adjustDecimals`), then
 * a space and the base unit ("1.5 h", "250 bps"). A param without a base fails when formatted,
 * one with a base of 11 bytes or more when parsed; the prefix flag is read and unused.
 */
export function formatUnit(entries: readonly TlvEntry[], context: ValueContext): string[] {
  const tags = tlvByTag(entries, [0x00, 0x01, 0x02, 0x03, 0x04])
  const base = tags.get(0x02)?.[0]?.value ?? new Uint8Array()
  if (base.length >= baseCapacity) throw malformed('Unit base too long')
  const decimalsEntry = tags.get(0x03)?.[0]
  const decimals = decimalsEntry ? Number(tlvUint(decimalsEntry, 1)) : 0
  const prefix = tags.get(0x04)?.[0]
  if (prefix && prefix.value.length !== 1) throw malformed('Bad unit prefix flag')
  const ref = parseValue(requiredTag(entries, 0x01).value)
  // The base is kept as a C string: it ends at its first NUL.
  const end = base.indexOf(0)
  const unit = new TextDecoder().decode(end === -1 ? base : base.subarray(0, end))
  return readParamValues(ref, context).map((bytes) => {
    if (bytes.length > 32) throw malformed('Unit value over 256 bits')
    if (unit === '') throw malformed('Unit without a base')
    return `${formatUnits(readUintBE(bytes), decimals)} ${unit}`
  })
}
