import {
  type Chain,
  custom,
  type Hex,
  keccak256,
  numberToHex,
  parseTransaction,
  recoverTransactionAddress,
} from 'viem'

export type TestRpcOptions = {
  /** The chain id the node reports; defaults to the chain's. */
  chainId?: number
  nonce?: number
}

/**
 * A viem `custom` transport that plays an Ethereum node for one chain, in memory: fees, nonces, gas
 * and a mempool of raw transactions. Unknown methods answer -32601.
 */
export function createTestRpc(chain: Chain, options: TestRpcOptions = {}) {
  const chainId = options.chainId ?? chain.id
  const state = {
    requests: [] as { method: string; params: unknown }[],
    sent: [] as Hex[],
    transactions: new Map<Hex, Record<string, unknown>>(),
  }

  async function request({ method, params }: { method: string; params?: unknown }) {
    state.requests.push({ method, params })
    const args = (params ?? []) as any[]
    switch (method) {
      case 'eth_chainId':
        return numberToHex(chainId)
      case 'net_version':
        return String(chainId)
      case 'eth_blockNumber':
        return '0x10'
      case 'eth_getBlockByNumber':
        return block
      case 'eth_maxPriorityFeePerGas':
        return numberToHex(1_000_000_000n)
      case 'eth_gasPrice':
        return numberToHex(3_000_000_000n)
      case 'eth_feeHistory':
        return { oldestBlock: '0x10', baseFeePerGas: [block.baseFeePerGas], gasUsedRatio: [0.5] }
      case 'eth_getTransactionCount':
        return numberToHex(options.nonce ?? 7)
      case 'eth_estimateGas':
        return numberToHex(21_000)
      case 'eth_getBalance':
        return numberToHex(10n ** 18n)
      case 'eth_getCode':
        return '0x'
      case 'eth_call':
        return '0x'
      case 'eth_sendRawTransaction': {
        const raw = args[0] as Hex
        const hash = keccak256(raw)
        state.sent.push(raw)
        state.transactions.set(hash, await toRpcTransaction(raw, hash))
        return hash
      }
      case 'eth_getTransactionByHash':
        return state.transactions.get(args[0]) ?? null
      case 'eth_getTransactionReceipt':
        return null
    }
    throw Object.assign(new Error(`the method ${method} does not exist`), { code: -32601 })
  }

  return {
    state,
    transport: custom({ request }, { retryCount: 0 }),
  }
}

const block = {
  number: '0x10',
  hash: `0x${'11'.repeat(32)}`,
  parentHash: `0x${'22'.repeat(32)}`,
  timestamp: '0x6553f100',
  baseFeePerGas: numberToHex(2_000_000_000n),
  gasLimit: numberToHex(30_000_000),
  gasUsed: '0x0',
  miner: `0x${'00'.repeat(20)}`,
  transactions: [],
}

async function toRpcTransaction(raw: Hex, hash: Hex) {
  const tx = parseTransaction(raw)
  const from = await recoverTransactionAddress({ serializedTransaction: raw as never })
  const hex = (value: bigint | number | undefined) =>
    value === undefined ? undefined : numberToHex(value)
  return {
    hash,
    from,
    to: tx.to ?? null,
    input: tx.data ?? '0x',
    value: hex(tx.value ?? 0n),
    nonce: hex(tx.nonce ?? 0),
    gas: hex(tx.gas),
    gasPrice: hex(tx.gasPrice ?? tx.maxFeePerGas),
    maxFeePerGas: hex(tx.maxFeePerGas),
    maxPriorityFeePerGas: hex(tx.maxPriorityFeePerGas),
    chainId: hex(tx.chainId),
    type: { legacy: '0x0', eip2930: '0x1', eip1559: '0x2', eip4844: '0x3', eip7702: '0x4' }[
      tx.type ?? 'legacy'
    ],
    accessList: tx.accessList ?? [],
    r: tx.r,
    s: tx.s,
    v: hex(tx.v ?? BigInt(tx.yParity ?? 0)),
    yParity: hex(tx.yParity),
    blockHash: null,
    blockNumber: null,
    transactionIndex: null,
  }
}
