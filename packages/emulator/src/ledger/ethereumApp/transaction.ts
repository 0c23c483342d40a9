import { type Address, bytesToHex, fromRlp, getAddress } from 'viem'
import { readUintBE } from '../apdu/bytes.js'
import { StatusWord } from '../apdu/statusWords.js'
import { ApduStatusError } from '../errors.js'

/** The transaction types the Ethereum app signs. */
export type LedgerTransactionType = 'legacy' | 'eip2930' | 'eip1559' | 'eip7702'

/** One entry of an EIP-7702 authorization list. */
export type DecodedAuthorization = {
  readonly chainId: bigint
  readonly address: Address
  readonly nonce: bigint
}

/** A transaction as the app reads it from the RLP it received. */
export type DecodedTransaction = {
  readonly type: LedgerTransactionType
  /** Legacy: the `v` field bytes (EIP-155 chain id), empty before EIP-155. Typed: the chain id bytes. */
  readonly chainIdBytes: Uint8Array
  readonly chainId: bigint
  readonly to: Address | undefined
  readonly value: bigint
  readonly data: Uint8Array
  readonly gas: bigint
  /** gasPrice, or maxFeePerGas for EIP-1559 and EIP-7702. */
  readonly maxFeePerGas: bigint
  readonly authorizations: readonly DecodedAuthorization[]
}

type RlpItem = Uint8Array | readonly RlpItem[]

const typeByPrefix: Record<number, LedgerTransactionType> = {
  1: 'eip2930',
  2: 'eip1559',
  4: 'eip7702',
}

/**
 * Length the payload must reach to hold the whole transaction (type byte + RLP list), or
 * `undefined` while the list header itself is incomplete. Throws 0x6501 for unsupported types.
 */
export function expectedTransactionLength(payload: Uint8Array): number | undefined {
  const first = payload[0]
  if (first === undefined) return undefined
  const offset = first >= 0xc0 ? 0 : 1
  if (offset === 1 && !typeByPrefix[first]) {
    throw new ApduStatusError(StatusWord.unsupportedTransactionType, `Type ${first} unsupported`)
  }
  const header = payload[offset]
  if (header === undefined) return undefined
  if (header < 0xc0) throw new ApduStatusError(StatusWord.incorrectData, 'Not an RLP list')
  if (header <= 0xf7) return offset + 1 + (header - 0xc0)
  const lengthOfLength = header - 0xf7
  if (payload.length < offset + 1 + lengthOfLength) return undefined
  const length = Number(readUintBE(payload.subarray(offset + 1, offset + 1 + lengthOfLength)))
  return offset + 1 + lengthOfLength + length
}

/** Decodes a complete payload (legacy RLP, or type byte + RLP). */
export function decodeTransaction(payload: Uint8Array): DecodedTransaction {
  const prefix = payload[0]!
  const type = prefix >= 0xc0 ? 'legacy' : typeByPrefix[prefix]
  if (!type) throw new ApduStatusError(StatusWord.unsupportedTransactionType, 'Unsupported type')
  let items: RlpItem
  try {
    items = fromRlp(type === 'legacy' ? payload : payload.subarray(1), 'bytes') as RlpItem
  } catch {
    throw new ApduStatusError(StatusWord.incorrectData, 'Invalid RLP')
  }
  if (!Array.isArray(items)) throw new ApduStatusError(StatusWord.incorrectData, 'Not a list')
  const fields = items as readonly RlpItem[]
  const counts: Record<LedgerTransactionType, readonly number[]> = {
    legacy: [6, 9],
    eip2930: [8],
    eip1559: [9],
    eip7702: [10],
  }
  if (!counts[type].includes(fields.length)) {
    throw new ApduStatusError(StatusWord.incorrectData, 'Unexpected field count')
  }
  const bytes = (i: number) => asBytes(fields[i])
  const int = (i: number) => readUintBE(bytes(i))
  if (type === 'legacy') {
    const chainIdBytes = fields.length === 9 ? bytes(6) : new Uint8Array()
    return {
      type,
      chainIdBytes,
      chainId: readUintBE(chainIdBytes),
      maxFeePerGas: int(1),
      gas: int(2),
      to: toAddress(bytes(3)),
      value: int(4),
      data: bytes(5),
      authorizations: [],
    }
  }
  const feeIndex = type === 'eip2930' ? 2 : 3
  const shift = type === 'eip2930' ? 0 : 1
  return {
    type,
    chainIdBytes: bytes(0),
    chainId: int(0),
    maxFeePerGas: int(feeIndex),
    gas: int(3 + shift),
    to: toAddress(bytes(4 + shift)),
    value: int(5 + shift),
    data: bytes(6 + shift),
    authorizations: type === 'eip7702' ? decodeAuthorizations(fields[9]) : [],
  }
}

function decodeAuthorizations(item: RlpItem | undefined): DecodedAuthorization[] {
  if (!Array.isArray(item)) throw new ApduStatusError(StatusWord.incorrectData, 'Bad auth list')
  return (item as readonly RlpItem[]).map((entry) => {
    if (!Array.isArray(entry) || entry.length !== 6) {
      throw new ApduStatusError(StatusWord.incorrectData, 'Bad authorization')
    }
    const [chainId, address, nonce] = entry as readonly RlpItem[]
    const delegate = toAddress(asBytes(address))
    if (!delegate) throw new ApduStatusError(StatusWord.incorrectData, 'Bad delegate')
    return {
      chainId: readUintBE(asBytes(chainId)),
      address: delegate,
      nonce: readUintBE(asBytes(nonce)),
    }
  })
}

function asBytes(item: RlpItem | undefined): Uint8Array {
  if (!(item instanceof Uint8Array))
    throw new ApduStatusError(StatusWord.incorrectData, 'Bad field')
  return item
}

function toAddress(bytes: Uint8Array): Address | undefined {
  if (bytes.length === 0) return undefined
  if (bytes.length !== 20) throw new ApduStatusError(StatusWord.incorrectData, 'Bad address')
  return getAddress(bytesToHex(bytes))
}
