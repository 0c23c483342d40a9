import type { Address, Hex } from 'viem'
import type {
  CalldataValueReference,
  LedgerCalldataDescriptor,
  LedgerCertificateTarget,
  LedgerDescriptors,
  LedgerNestedCallReferences,
  LedgerNftDescriptor,
  LedgerProxyInfo,
  LedgerTokenDescriptor,
} from './types.js'

/** CAL's signatures of one payload (context-module `CalldataSignatures`). */
export type CalSignatures = { readonly prod?: Hex | string; readonly test?: Hex | string }

/** One function's calldata descriptor as CAL serves it (context-module `CalldataDescriptorV1`). */
export type CalCalldataDescriptor = {
  readonly type: 'calldata'
  readonly version: 'v1'
  readonly transaction_info: {
    readonly descriptor: { readonly data: string; readonly signatures: CalSignatures }
  }
  readonly enums: Readonly<
    Record<
      string,
      Readonly<Record<string, { readonly data: string; readonly signatures: CalSignatures }>>
    >
  >
  readonly fields: readonly {
    readonly descriptor: string
    readonly param: {
      readonly type: string
      readonly token?: CalldataValueReference | undefined
      readonly value?: CalldataValueReference | undefined
      readonly id?: number | undefined
      readonly collection?: CalldataValueReference | undefined
      readonly callee?: CalldataValueReference | undefined
      readonly chainId?: CalldataValueReference | undefined
      readonly selector?: CalldataValueReference | undefined
      readonly amount?: CalldataValueReference | undefined
      readonly spender?: CalldataValueReference | undefined
    }
  }[]
}

/** CAL's answer to `GET /dapps?output=descriptors_calldata&chain_id=…&contracts=…` (`CalldataDto[]`). */
export type CalCalldataResponse = readonly {
  readonly descriptors_calldata?: Readonly<
    Record<string, Readonly<Record<string, CalCalldataDescriptor>>>
  >
}[]

/** Thrown when CAL's answer lacks what a descriptor needs (the signature of the chosen mode, a v1 shape). */
export class InvalidCalResponseError extends Error {
  override name = 'InvalidCalResponseError'
  constructor(details: string) {
    super(
      `Ledger's CAL answered something Airlock cannot use: ${details}. Check the CAL URL and the signature mode (production or test), or regenerate the descriptors.`,
    )
  }
}

/**
 * Descriptors in Airlock's format from CAL's answers, with the signatures of `mode` only (a
 * descriptor without them is left out), `81 FF || length || signature` appended as the device
 * reads TRANSACTION_INFO and ENUM_VALUE (context-module `INFO_SIGNATURE_TAG`).
 */
export function fromCalDescriptors(options: {
  chainId: number
  mode: 'prod' | 'test'
  responses: CalCalldataResponse
  certificates: Partial<Record<LedgerCertificateTarget, Hex>>
  tokens?: readonly LedgerTokenDescriptor[] | undefined
  nfts?: readonly LedgerNftDescriptor[] | undefined
  selectors?: readonly Hex[] | undefined
  proxies?: readonly LedgerProxyInfo[] | undefined
  trustedNameCertificates?: Partial<Record<LedgerCertificateTarget, Hex>> | undefined
}): LedgerDescriptors {
  const { chainId, mode } = options
  const wanted = options.selectors?.map((selector) => selector.toLowerCase())
  const calldata: LedgerCalldataDescriptor[] = []
  for (const response of options.responses) {
    for (const [address, bySelector] of Object.entries(response.descriptors_calldata ?? {})) {
      for (const [selector, descriptor] of Object.entries(bySelector)) {
        if (wanted && !wanted.includes(selector.toLowerCase())) continue
        if (descriptor.type !== 'calldata' || descriptor.version !== 'v1') continue
        const info = descriptor.transaction_info.descriptor
        const infoSignature = info.signatures[mode]
        if (!infoSignature) continue
        const enums: LedgerCalldataDescriptor['enums'][number][] = []
        for (const [id, values] of Object.entries(descriptor.enums)) {
          for (const [value, entry] of Object.entries(values)) {
            const signature = entry.signatures[mode]
            if (!signature)
              throw new InvalidCalResponseError(`enum ${id}/${value} has no ${mode} signature`)
            enums.push({
              id: Number(id),
              value: Number(value),
              payload: withSignature(entry.data, signature),
            })
          }
        }
        calldata.push({
          chainId,
          address: address as Address,
          selector: selector.toLowerCase() as Hex,
          transactionInfo: withSignature(info.data, infoSignature),
          enums,
          fields: descriptor.fields.map((field) => ({
            payload: hex(field.descriptor),
            ...(field.param.type === 'TOKEN_AMOUNT' && field.param.token
              ? { token: field.param.token }
              : {}),
            ...(field.param.type === 'ENUM' &&
            field.param.id !== undefined &&
            field.param.value?.type === 'path'
              ? { enum: { id: field.param.id, value: field.param.value } }
              : {}),
            ...(field.param.type === 'NFT' && field.param.collection
              ? { nft: field.param.collection }
              : {}),
            ...(field.param.type === 'CALLDATA' ? nestedCallReferences(field.param) : {}),
          })),
        })
      }
    }
  }
  return {
    signatures: mode,
    certificates: options.certificates,
    calldata,
    ...(options.tokens?.length ? { tokens: options.tokens } : {}),
    ...(options.proxies?.length
      ? { proxies: options.proxies, trustedNameCertificates: options.trustedNameCertificates ?? {} }
      : {}),
    ...(options.nfts?.length ? { nfts: options.nfts } : {}),
  }
}

// context-module keeps a CALLDATA param whose value and callee are paths (the others are dropped).
function nestedCallReferences(
  param: CalCalldataDescriptor['fields'][number]['param'],
): { calldata: LedgerNestedCallReferences } | Record<string, never> {
  const { value, callee } = param
  if (value?.type !== 'path' || callee?.type !== 'path') return {}
  const optional = (name: 'chainId' | 'selector' | 'amount' | 'spender') => {
    const reference = param[name]
    return reference?.type === 'path' ? { [name]: reference } : {}
  }
  return {
    calldata: {
      value,
      callee,
      ...optional('chainId'),
      ...optional('selector'),
      ...optional('amount'),
      ...optional('spender'),
    },
  }
}

/** `payload || 81 FF || length || signature`, as context-module's `appendSignatureToPayload`. */
export function withSignature(payload: string, signature: string, tag = '81ff'): Hex {
  let sig = signature.replace(/^0x/, '')
  if (sig.length % 2 !== 0) sig = `0${sig}`
  let length = (sig.length / 2).toString(16)
  if (length.length % 2 !== 0) length = `0${length}`
  return `${hex(payload)}${tag}${length}${sig}` as Hex
}

function hex(value: string): Hex {
  return (value.startsWith('0x') ? value : `0x${value}`).toLowerCase() as Hex
}
