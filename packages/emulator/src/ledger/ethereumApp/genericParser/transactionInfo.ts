import type { LoadedCertificate } from '../../pki/certificate.js'
import { verifySignedStruct } from './signedStruct.js'
import { malformed, readTlv, tlvByTag, tlvText, tlvUint } from './tlv.js'

/** A TRANSACTION_INFO struct the app accepted. */
export type TransactionInfo = {
  readonly chainId: bigint
  readonly contract: Uint8Array
  readonly selector: Uint8Array
  /** SHA3-256 of every FIELD payload, in order. */
  readonly fieldsHash: Uint8Array
  readonly operationType: string
  readonly creatorName: string | undefined
}

// OPERATION_TYPE_SIZE, CREATOR_NAME_SIZE (gtp_tx_info.h); tlv_get_chain_id's bound.
const operationCapacity = 31
const creatorCapacity = 23
const maxChainId = 0x7fffffffffffffdbn

/**
 * TRANSACTION_INFO (gtp_tx_info.c): version 1 with chain id, contract, selector, fields hash,
 * operation type and signature required, signed with the CALLDATA certificate's key.
 */
export function parseTransactionInfo(
  payload: Uint8Array,
  certificate: LoadedCertificate | undefined,
): TransactionInfo {
  const entries = readTlv(payload)
  const tags = tlvByTag(
    entries,
    [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0xff],
    [0x06, 0x07, 0x08, 0x09, 0x0a],
  )
  const first = (tag: number) => tags.get(tag)?.[0]
  if (tlvUint(first(0x00), 1) !== 1n) throw malformed('Unsupported transaction info version')
  const chainId = tlvUint(first(0x01), 8)
  if (chainId === 0n || chainId > maxChainId) throw malformed('Unsupported chain id')
  const contract = first(0x02)?.value
  const selector = first(0x03)?.value
  const fieldsHash = first(0x04)?.value
  const operation = first(0x05)
  if (
    contract?.length !== 20 ||
    !selector ||
    selector.length > 4 ||
    !fieldsHash ||
    fieldsHash.length > 32 ||
    !operation ||
    !first(0xff)
  ) {
    throw malformed('Incomplete transaction info')
  }
  verifySignedStruct(entries, certificate)
  const creator = tags.get(0x06)?.at(-1)
  return {
    chainId,
    contract,
    selector: leftPad(selector, 4),
    fieldsHash: leftPad(fieldsHash, 32),
    operationType: tlvText(operation, operationCapacity),
    creatorName: creator ? tlvText(creator, creatorCapacity) : undefined,
  }
}

// `buf_shrink_expand` into a fixed-size buffer.
function leftPad(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size)
  out.set(bytes, size - bytes.length)
  return out
}
