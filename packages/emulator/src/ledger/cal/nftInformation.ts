import { type Address, bytesToHex, type Hex, hexToBytes } from 'viem'
import { concatBytes } from '../apdu/bytes.js'
import { signCalPayload } from './calKey.js'

/**
 * `LEDGER_NFT_METADATA_PUBLIC_KEY`, production variant (app-ethereum src/public_keys.h): the key
 * PROVIDE NFT INFORMATION payloads are checked against when no certificate of usage NFT_METADATA
 * is loaded (the legacy path of `check_signature_with_pubkey`).
 */
export const ledgerNftMetadataPublicKey: Hex =
  '0x04988da6b246f28e77c1bab675cb2a2744f7f5cec56ae6e03223337b5794cd6ae07d48b30db9ccb40f5a02a11a3ab99d5f595a3d50a0e13023fd0d958792d79701'

/** The key id a production app accepts (PROD_NFT_METADATA_KEY; 0 is the staging key). */
export const nftMetadataProdKeyId = 1

/** What a PROVIDE NFT INFORMATION payload states. */
export type NftInformation = {
  readonly collectionName: string
  readonly address: Address
  readonly chainId: number
}

/**
 * A PROVIDE NFT INFORMATION (E0 14) payload signed with a test key, laid out as Ledger's NFT
 * metadata service serves it: `type (1) || version (1) || nameLength (1) || name || address (20)
 * || chainId (8) || keyId (1) || algorithmId (1) || signatureLength (1) || DER signature`, the
 * signature over SHA-256 of everything before the signature length. TEST KEYS ONLY.
 */
export function signNftInformation(privateKey: Hex | Uint8Array, nft: NftInformation): Hex {
  const name = new TextEncoder().encode(nft.collectionName)
  const chainId = new Uint8Array(8)
  new DataView(chainId.buffer).setBigUint64(0, BigInt(nft.chainId))
  const signed = concatBytes(
    Uint8Array.of(1, 1, name.length),
    name,
    hexToBytes(nft.address),
    chainId,
    Uint8Array.of(nftMetadataProdKeyId, 1),
  )
  const signature = hexToBytes(signCalPayload(privateKey, signed))
  return bytesToHex(concatBytes(signed, Uint8Array.of(signature.length), signature))
}
