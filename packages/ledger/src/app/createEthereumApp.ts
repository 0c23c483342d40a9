import type Transport from '@ledgerhq/hw-transport'
import type { Hex } from 'viem'
import { cla } from './apdu.js'
import type { Eip712Filters } from './eip712/filters.js'
import { type Eip712TypedData, signEip712Message } from './eip712/signEip712Message.js'
import { type GetAddressOptions, type GetAddressResult, getAddress } from './getAddress.js'
import { type AppConfiguration, getAppConfiguration } from './getAppConfiguration.js'
import { provideTokenInformation } from './provideTokenInformation.js'
import { type Authorization, signAuthorization } from './signAuthorization.js'
import { signEip712Hashed } from './signEip712Hashed.js'
import { signPersonalMessage } from './signPersonalMessage.js'
import { signTransaction } from './signTransaction.js'
import type { EthereumAppSignature, SendCommand } from './types.js'

/** The Ethereum app's commands on one transport. */
export type EthereumApp = {
  getAppConfiguration: () => Promise<AppConfiguration>
  getAddress: (path: string, options: GetAddressOptions) => Promise<GetAddressResult>
  signTransaction: (path: string, serializedTransaction: Hex) => Promise<EthereumAppSignature>
  signPersonalMessage: (path: string, message: Hex) => Promise<EthereumAppSignature>
  signEip712Hashed: (
    path: string,
    domainSeparator: Hex,
    messageHash: Hex,
  ) => Promise<EthereumAppSignature>
  signAuthorization: (path: string, authorization: Authorization) => Promise<EthereumAppSignature>
  /** Sends a Ledger-signed ERC-20 descriptor; answers the asset slot. */
  provideTokenInformation: (descriptor: Uint8Array) => Promise<number>
  /** Full EIP-712, with Ledger's filters when there are some. */
  signEip712Message: (
    path: string,
    typedData: Eip712TypedData,
    filters?: Eip712Filters | undefined,
    onReview?: (() => void) | undefined,
  ) => Promise<EthereumAppSignature>
}

/**
 * Airlock's client of the Ethereum app, as app-ethereum documents it (`doc/ethapp.adoc`): the same
 * bytes `@ledgerhq/hw-app-eth` 7.9 sends (`src/Eth.ts`, `src/utils.ts`, `src/modules/EIP712`),
 * plus EIP-7702 authorizations, which it lacks, and full EIP-712 without its long-value bug.
 * hw-app-eth itself, with Ledger's metadata services, axios and ethers v5 (about 95 kB gz), loads
 * only for `clearSigning: true` (`sdk/loadHwAppEth.ts`).
 */
export function createEthereumApp(
  transport: Transport,
  Buffer: typeof globalThis.Buffer,
): EthereumApp {
  const send: SendCommand = (ins, p1, p2, data) =>
    transport.send(cla, ins, p1, p2, Buffer.from(data))
  return {
    getAppConfiguration: () => getAppConfiguration(send),
    getAddress: (path, options) => getAddress(send, path, options),
    signTransaction: (path, serializedTransaction) =>
      signTransaction(send, path, serializedTransaction),
    signPersonalMessage: (path, message) => signPersonalMessage(send, path, message),
    signEip712Hashed: (path, domainSeparator, messageHash) =>
      signEip712Hashed(send, path, domainSeparator, messageHash),
    signAuthorization: (path, authorization) => signAuthorization(send, path, authorization),
    provideTokenInformation: (descriptor) => provideTokenInformation(send, descriptor),
    signEip712Message: (path, typedData, filters, onReview) =>
      signEip712Message(send, path, typedData, filters, onReview),
  }
}
