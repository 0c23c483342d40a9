import type { EmulatorOperation } from '../../common/types.js'
import type { TrezorHandler } from '../workflow/workflow.js'
import { getAddress, getPublicKey } from './bitcoin.js'
import { ethereumGetAddress } from './ethereumGetAddress.js'
import { ethereumGetPublicKey } from './ethereumGetPublicKey.js'
import { ethereumSignMessage } from './ethereumSignMessage.js'
import { ethereumSignTx, ethereumSignTxEip1559 } from './ethereumSignTx.js'
import { ethereumSignTypedData } from './ethereumSignTypedData.js'
import { ethereumSignTypedHash } from './ethereumSignTypedHash.js'

type Route = { readonly handler: TrezorHandler; readonly operation: EmulatorOperation }

/** Firmware handlers that need the seed, by request message type. */
export const firmwareRoutes: Readonly<Record<string, Route>> = {
  GetAddress: { handler: getAddress, operation: 'address' },
  GetPublicKey: { handler: getPublicKey, operation: 'address' },
  EthereumGetAddress: { handler: ethereumGetAddress, operation: 'address' },
  EthereumGetPublicKey: { handler: ethereumGetPublicKey, operation: 'address' },
  EthereumSignTx: { handler: ethereumSignTx, operation: 'transaction' },
  EthereumSignTxEIP1559: { handler: ethereumSignTxEip1559, operation: 'transaction' },
  EthereumSignMessage: { handler: ethereumSignMessage, operation: 'message' },
  EthereumSignTypedData: { handler: ethereumSignTypedData, operation: 'typed-data' },
  EthereumSignTypedHash: { handler: ethereumSignTypedHash, operation: 'typed-data' },
}

/**
 * Requests that start an "operation" for fault injection and exchange counting. Connect's own
 * housekeeping (`Initialize`, `GetFeatures`, the Testnet `GetAddress` it asks on every call) does not.
 */
export function isOperationRequest(type: string): boolean {
  return type.startsWith('Ethereum') && type in firmwareRoutes
}
