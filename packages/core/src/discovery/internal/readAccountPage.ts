import { bytesToHex, hexToBytes } from 'viem'
import { publicKeyToAddress } from 'viem/accounts'
import { describeValue } from '../../errors/describeValue.js'
import { UnsupportedByDeviceError } from '../../errors/device.js'
import { InvalidRequestError } from '../../errors/request.js'
import { formatPath } from '../../path/formatPath.js'
import type { DerivationPath } from '../../path/parsePath.js'
import { pathSchemes, schemeParents } from '../../path/schemes.js'
import type {
  DeviceCallOptions,
  GetExtendedPublicKeyReturnType,
  HardwareSigner,
} from '../../signer/types.js'
import type { DiscoverAccountsParameters, DiscoveredAccount } from '../types.js'

const maxLimit = 100

/** `discoverAccounts`'s implementation, loaded on the first call. */
export async function readAccountPage(
  signer: HardwareSigner,
  parameters: DiscoverAccountsParameters,
): Promise<DiscoveredAccount[]> {
  const { scheme, offset = 0, limit = 5, signal, timeout } = parameters
  if (!Number.isInteger(offset) || offset < 0 || offset + limit > 0x80000000)
    throw new InvalidRequestError({
      reason: `"offset" must be an integer in range 0..2**31-1, got ${offset}`,
    })
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    throw new InvalidRequestError({
      reason: `"limit" must be an integer in range 1..${maxLimit}, got ${limit}`,
    })
  const indices = Array.from({ length: limit }, (_, i) => offset + i)

  const toPath = typeof scheme === 'function' ? scheme : pathSchemes[scheme]
  if (!toPath)
    throw new InvalidRequestError({ reason: `unknown path scheme ${describeValue(scheme)}` })
  const parent = typeof scheme === 'string' ? schemeParents[scheme] : undefined

  if (parent) {
    const page = await derivePage(signer, parent, indices, { signal, timeout })
    if (page) return page
  }

  const accounts: DiscoveredAccount[] = []
  for (const index of indices) {
    const path = formatPath(toPath(index))
    const { address, publicKey } = await signer.getAddress({ path, signal, timeout })
    accounts.push({ index, path, address, publicKey })
  }
  return accounts
}

/**
 * The page derived from the parent's extended public key: one device exchange. `undefined` when the
 * device cannot export one (`UnsupportedByDeviceError`, as the `HardwareSigner` contract requires).
 */
async function derivePage(
  signer: HardwareSigner,
  parent: DerivationPath,
  indices: number[],
  options: DeviceCallOptions,
): Promise<DiscoveredAccount[] | undefined> {
  let extendedKey: GetExtendedPublicKeyReturnType
  try {
    extendedKey = await signer.getExtendedPublicKey({ path: parent, ...options })
  } catch (error) {
    if (error instanceof UnsupportedByDeviceError) return undefined
    throw error
  }
  // Loaded here, not on import: apps that never list accounts do not ship the curve code.
  const [{ HDKey }, { secp256k1 }] = await Promise.all([
    import('@scure/bip32'),
    import('@noble/curves/secp256k1'),
  ])
  const point = (key: string | Uint8Array) => secp256k1.ProjectivePoint.fromHex(key)
  const parentKey = new HDKey({
    publicKey: point(extendedKey.publicKey.slice(2)).toRawBytes(true),
    chainCode: hexToBytes(extendedKey.chainCode),
  })
  return indices.map((index) => {
    const child = parentKey.deriveChild(index)
    const uncompressed = bytesToHex(point(child.publicKey!).toRawBytes(false))
    return {
      index,
      path: formatPath(`${parent}/${index}`),
      address: publicKeyToAddress(uncompressed),
      publicKey: uncompressed,
    }
  })
}
