/**
 * The methods the provider forwards to the RPC node: read-only public methods of the Ethereum
 * JSON-RPC API (ethereum/execution-apis), geth's `eth_fillTransaction` (fills nonce, gas and fees
 * into an unsigned transaction; viem's `prepareTransactionRequest` asks for it first), and
 * `eth_sendRawTransaction`, which broadcasts a transaction already signed. Nothing here can use a key the node holds; every other method the
 * provider does not answer itself is refused (4200), never forwarded. Names are case-sensitive.
 */
export const forwardedMethods = [
  'eth_blobBaseFee',
  'eth_blockNumber',
  'eth_call',
  'eth_createAccessList',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_fillTransaction',
  'eth_gasPrice',
  'eth_getBalance',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getBlockReceipts',
  'eth_getBlockTransactionCountByHash',
  'eth_getBlockTransactionCountByNumber',
  'eth_getCode',
  'eth_getFilterChanges',
  'eth_getFilterLogs',
  'eth_getLogs',
  'eth_getProof',
  'eth_getStorageAt',
  'eth_getTransactionByBlockHashAndIndex',
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
  'eth_getUncleCountByBlockHash',
  'eth_getUncleCountByBlockNumber',
  'eth_maxPriorityFeePerGas',
  'eth_newBlockFilter',
  'eth_newFilter',
  'eth_newPendingTransactionFilter',
  'eth_sendRawTransaction',
  'eth_simulateV1',
  'eth_syncing',
  'eth_uninstallFilter',
  'net_listening',
  'web3_clientVersion',
] as const

export type ForwardedMethod = (typeof forwardedMethods)[number]

const forwarded: ReadonlySet<string> = new Set(forwardedMethods)

/** Whether the provider forwards `method` to the RPC node. */
export function isForwardedMethod(method: string): method is ForwardedMethod {
  return forwarded.has(method)
}
