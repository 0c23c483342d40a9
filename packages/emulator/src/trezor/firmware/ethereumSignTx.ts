import type { ByteArray, Hex } from 'viem'
import {
  bytesToHex,
  concatBytes,
  formatEther,
  getAddress,
  hexToBytes,
  keccak256,
  toRlp,
} from 'viem/utils'
import { dataError } from '../failures.js'
import type { WireMessage } from '../wire/codec.js'
import type { ConfirmScreen, TrezorHandler, TrezorWorkflow } from '../workflow/workflow.js'
import { tokenCallScreens } from './ethereumTokenCall.js'

/**
 * Above this chain id the firmware returns only the recovery bit as `signature_v` (it must fit an
 * uint32); up to it, the full EIP-155 `v`. trezor-firmware core/src/apps/ethereum/sign_tx.py.
 */
export const maxChainIdWithFullV = Math.floor((0xffffffff - 36) / 2)

const dataChunkSize = 1024

const symbols: Record<string, string> = { 1: 'ETH', 61: 'ETC', 11155111: 'tSEP', 17000: 'tHOL' }

/** `EthereumSignTx`: legacy (EIP-155) transactions, with the optional Wanchain `tx_type` field. */
export const ethereumSignTx: TrezorHandler = async ({ message }, workflow) => {
  const chainId = BigInt(message.chain_id)
  const to = recipientBytes(message.to)
  if (message.tx_type !== null && ![1, 6].includes(message.tx_type)) {
    throw dataError('tx_type out of bounds')
  }
  const data = await loadData(message, to, workflow)
  const gasPrice = big(message.gas_price)
  await confirmTx(workflow, message, to, data, gasPrice * big(message.gas_limit), chainId)
  const fields = [
    ...(message.tx_type === null ? [] : [minimal(BigInt(message.tx_type))]),
    hex(message.nonce),
    hex(message.gas_price),
    hex(message.gas_limit),
    to,
    hex(message.value),
    bytesToHex(data),
    minimal(chainId),
    '0x',
    '0x',
  ] as Hex[]
  const signature = workflow.sign(message.address_n, hexToBytes(keccak256(toRlp(fields))))
  const v =
    chainId > BigInt(maxChainIdWithFullV)
      ? signature.recovery
      : Number(BigInt(signature.recovery) + 2n * chainId + 35n)
  return txSignature(v, signature.r, signature.s)
}

/** `EthereumSignTxEIP1559`: type-2 transactions; `signature_v` is the recovery bit. */
export const ethereumSignTxEip1559: TrezorHandler = async ({ message }, workflow) => {
  const chainId = BigInt(message.chain_id)
  const to = recipientBytes(message.to)
  const data = await loadData(message, to, workflow)
  const maxFee = big(message.max_gas_fee) * big(message.gas_limit)
  await confirmTx(workflow, message, to, data, maxFee, chainId)
  const accessList = (message.access_list as { address: string; storage_keys: string[] }[]).map(
    ({ address, storage_keys }) => [recipientBytes(address), storage_keys.map(hex)],
  )
  const payload = toRlp([
    minimal(chainId),
    hex(message.nonce),
    hex(message.max_priority_fee),
    hex(message.max_gas_fee),
    hex(message.gas_limit),
    to,
    hex(message.value),
    bytesToHex(data),
    accessList,
  ] as Hex[])
  const digest = keccak256(concatBytes([new Uint8Array([2]), hexToBytes(payload)]))
  const signature = workflow.sign(message.address_n, hexToBytes(digest))
  return txSignature(signature.recovery, signature.r, signature.s)
}

async function loadData(
  message: Record<string, any>,
  to: Hex,
  workflow: TrezorWorkflow,
): Promise<ByteArray> {
  const length: number = message.data_length ?? 0
  const initial = hexToBytes(hex(message.data_initial_chunk))
  if (length > 0 && initial.length === 0)
    throw dataError('Data length provided, but no initial chunk')
  if (initial.length > length) throw dataError('Invalid size of initial chunk')
  if (to === '0x' && length === 0) throw dataError('Contract creation without data')
  if (BigInt(message.chain_id) === 0n) throw dataError('Chain ID out of bounds')
  const data = new Uint8Array(length)
  data.set(initial)
  let filled = initial.length
  while (filled < length) {
    const requested = Math.min(length - filled, dataChunkSize)
    const ack = await workflow.call(
      { type: 'EthereumTxRequest', message: { data_length: requested } },
      ['EthereumTxAck'],
    )
    const chunk = hexToBytes(hex(ack.message.data_chunk))
    if (chunk.length > requested) throw dataError('Too much data')
    if (chunk.length === 0) throw dataError('Empty data chunk')
    data.set(chunk, filled)
    filled += chunk.length
  }
  return data
}

function confirmTx(
  workflow: TrezorWorkflow,
  message: Record<string, any>,
  to: Hex,
  data: ByteArray,
  maxFee: bigint,
  chainId: bigint,
): Promise<void> {
  const symbol = symbols[chainId.toString()] ?? 'UNKN'
  const fees: ConfirmScreen[] = [
    { title: 'Maximum fee', value: `${formatEther(maxFee)} ${symbol}` },
    { title: 'Chain ID', value: chainId.toString(), code: 'ButtonRequest_SignTx' },
  ]
  const tokenCall = tokenCallScreens(workflow, to, big(message.value), data)
  if (tokenCall) return workflow.confirm('transaction', [...tokenCall, ...fees])
  const screens: ConfirmScreen[] = [
    {
      title: 'Recipient',
      value: to === '0x' ? 'New contract' : getAddress(to),
      code: 'ButtonRequest_ConfirmOutput',
    },
    { title: 'Amount', value: `${formatEther(big(message.value))} ${symbol}` },
    ...(data.length > 0
      ? [{ title: 'Data', value: bytesToHex(data), code: 'ButtonRequest_SignTx' }]
      : []),
    ...fees,
  ]
  return workflow.confirm('transaction', screens)
}

function txSignature(v: number, r: Uint8Array, s: Uint8Array): WireMessage {
  return {
    type: 'EthereumTxRequest',
    message: {
      signature_v: v,
      signature_r: bytesToHex(r).slice(2),
      signature_s: bytesToHex(s).slice(2),
    },
  }
}

function recipientBytes(to: string | null): Hex {
  const bare = (to ?? '').replace(/^0x/i, '')
  if (bare.length !== 0 && bare.length !== 40) throw dataError('Invalid recipient address')
  return `0x${bare.toLowerCase()}`
}

function hex(value: string | null | undefined): Hex {
  return `0x${value ?? ''}`
}

function big(value: string | null | undefined): bigint {
  return value ? BigInt(`0x${value}`) : 0n
}

function minimal(value: bigint): Hex {
  if (value === 0n) return '0x'
  const digits = value.toString(16)
  return `0x${digits.length % 2 ? '0' : ''}${digits}`
}
