import type { LoadedCertificate } from '../../pki/certificate.js'
import { verifySignedStruct } from './signedStruct.js'
import { malformed, readTlv, tlvByTag, tlvText, tlvUint } from './tlv.js'

/** An enum entry the app accepted (PROVIDE ENUM VALUE). */
export type EnumValue = {
  readonly chainId: bigint
  readonly contract: Uint8Array
  readonly selector: Uint8Array
  readonly id: number
  readonly value: number
  readonly name: string
}

// MAX_ENUM_NAME_SIZE; the largest chain id the app takes (tlv_get_chain_id).
const nameCapacity = 21
const maxChainId = 0x7fffffffffffffdbn

/** ENUM_VALUE struct (src/features/provide_enum_value/enum_value.c), version 1, signed. */
export function parseEnumValue(
  payload: Uint8Array,
  certificate: LoadedCertificate | undefined,
): EnumValue {
  const entries = readTlv(payload)
  const tags = tlvByTag(entries, [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xff])
  const first = (tag: number) => tags.get(tag)?.[0]
  if (tlvUint(first(0x00), 1) !== 1n) throw malformed('Unsupported enum value version')
  const chainId = tlvUint(first(0x01), 8)
  if (chainId === 0n || chainId > maxChainId) throw malformed('Unsupported chain id')
  const contract = first(0x02)?.value
  const selector = first(0x03)?.value
  const name = first(0x06)
  if (
    contract?.length !== 20 ||
    !selector ||
    selector.length > 4 ||
    !name ||
    name.value.length < 1
  ) {
    throw malformed('Incomplete enum value')
  }
  if (name.value.length > nameCapacity - 1) throw malformed('Enum name too long')
  verifySignedStruct(entries, certificate)
  const paddedSelector = new Uint8Array(4)
  paddedSelector.set(selector)
  return {
    chainId,
    contract,
    selector: paddedSelector,
    id: Number(tlvUint(first(0x04), 1)),
    value: Number(tlvUint(first(0x05), 1)),
    name: tlvText(name, nameCapacity),
  }
}
