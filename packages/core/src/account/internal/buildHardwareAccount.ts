import {
  type AuthorizationRequest,
  hashMessage,
  hashTypedData,
  isAddressEqual,
  keccak256,
  type SignableMessage,
  type SignedAuthorization,
  serializeSignature,
  serializeTransaction,
  type TypedDataDefinition,
} from 'viem'
import { hashAuthorization } from 'viem/utils'
import { describeValue } from '../../errors/describeValue.js'
import { UnsupportedByDeviceError } from '../../errors/device.js'
import { InvalidRequestError } from '../../errors/request.js'
import { DeviceAddressMismatchError } from '../../errors/signature.js'
import { formatPath } from '../../path/formatPath.js'
import type { DerivationPath } from '../../path/parsePath.js'
import { type PathScheme, pathSchemes } from '../../path/schemes.js'
import { verifyDeviceSignature } from '../../signature/verifyDeviceSignature.js'
import type { DeviceSource, HardwareSigner } from '../../signer/types.js'
import { serializeUnsignedTransaction } from '../serializeUnsignedTransaction.js'
import type { HardwareAccount, ToHardwareAccountParameters } from '../types.js'
import { normalizeTypedData } from './normalizeTypedData.js'
import { toMessageBytes } from './toSignableMessage.js'

/** `toHardwareAccount`'s implementation, loaded when the first account is made. */
export async function buildHardwareAccount<source extends DeviceSource = DeviceSource>(
  signer: HardwareSigner & { source: source },
  parameters: ToHardwareAccountParameters,
): Promise<HardwareAccount<source>> {
  const path =
    parameters.path !== undefined
      ? formatPath(parameters.path)
      : pathForScheme(parameters.scheme, parameters.index)
  const { address, publicKey } = await signer.getAddress({ path })
  const allowReplayable = parameters.allowReplayableTransactions ?? false

  const account: HardwareAccount<source> = {
    address,
    publicKey,
    path,
    signer,
    source: signer.source,
    type: 'local',
    nonceManager: parameters.nonceManager,

    async sign() {
      throw new UnsupportedByDeviceError({
        operation: 'sign a raw hash',
        reason: 'hardware wallets only sign what they can show: transactions, messages, typed data',
      })
    },

    async signMessage({ message, signal }: { message: SignableMessage; signal?: AbortSignal }) {
      const bytes = toMessageBytes(message)
      const signature = await signer.signMessage({ path, message: bytes, signal })
      const verified = await verifyDeviceSignature({
        address,
        publicKey,
        hash: hashMessage({ raw: bytes }),
        signature,
      })
      return serializeSignature(verified)
    },

    async signTransaction(transaction, options = {}) {
      const { serializer } = options
      const signal = (options as { signal?: AbortSignal }).signal
      const { type, serializedTransaction } = await serializeUnsignedTransaction({
        transaction,
        serializer,
        allowReplayable,
      })
      const signature = await signer.signTransaction({
        path,
        transaction: { ...transaction, type } as never,
        serializedTransaction,
        signal,
      })
      const verified = await verifyDeviceSignature({
        address,
        publicKey,
        hash: keccak256(serializedTransaction),
        signature,
      })
      const serialize = serializer ?? serializeTransaction
      return (await serialize(transaction, verified)) as never
    },

    async signTypedData(typedData) {
      if (typeof typedData !== 'object' || typedData === null)
        throw new InvalidRequestError({ reason: 'typed data must be an object' })
      const { signal, ...definition } = typedData as TypedDataDefinition & { signal?: AbortSignal }
      const normalized = normalizeTypedData(definition as TypedDataDefinition)
      const signature = await signer.signTypedData({ path, typedData: normalized, signal })
      const verified = await verifyDeviceSignature({
        address,
        publicKey,
        hash: hashTypedData(normalized as TypedDataDefinition),
        signature,
      })
      return serializeSignature(verified)
    },

    async signAuthorization(request: AuthorizationRequest & { signal?: AbortSignal }) {
      const authorization = toAuthorization(request)
      const signature = await signer.signAuthorization({
        path,
        authorization,
        signal: request.signal,
      })
      const verified = await verifyDeviceSignature({
        address,
        publicKey,
        hash: hashAuthorization(authorization),
        signature,
      })
      return { ...authorization, ...verified } satisfies SignedAuthorization
    },

    async verifyAddress(options = {}) {
      const shown = await signer.getAddress({ path, display: true, ...options })
      if (!isAddressEqual(shown.address, address))
        throw new DeviceAddressMismatchError({ expected: address, actual: shown.address })
    },
  }
  return account
}

function pathForScheme(scheme: PathScheme, index: number): DerivationPath {
  const preset = pathSchemes[scheme]
  if (!preset)
    throw new InvalidRequestError({
      reason: `unknown path scheme ${describeValue(scheme)} (known: ${Object.keys(pathSchemes).join(', ')})`,
    })
  return preset(index)
}

function toAuthorization(request: AuthorizationRequest) {
  const address = request.contractAddress ?? request.address
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address))
    throw new InvalidRequestError({
      reason: `the delegate address is invalid: ${describeValue(address)}`,
    })
  for (const [field, value] of [
    ['chainId', request.chainId],
    ['nonce', request.nonce],
  ] as const)
    if (!Number.isSafeInteger(value) || value < 0)
      throw new InvalidRequestError({
        reason: `"${field}" must be a non-negative integer, got ${describeValue(value)}`,
      })
  return { address, chainId: request.chainId, nonce: request.nonce }
}
