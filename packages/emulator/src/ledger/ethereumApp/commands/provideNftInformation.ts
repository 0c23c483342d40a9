import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, getAddress } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { verifyCalSignature } from '../../cal/calKey.js'
import { nftMetadataProdKeyId } from '../../cal/nftInformation.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { KeyUsage, verifyWithCertificate } from '../../pki/certificate.js'
import { isAppCompatibleChain } from '../appChains.js'
import { storeToken } from '../tokenSlots.js'

// COLLECTION_NAME_MAX_LEN (ethereum-plugin-sdk asset_info.h); MIN/MAX_DER_SIG_SIZE.
const maxNameLength = 70
const minSignatureLength = 67
const maxSignatureLength = 72

/**
 * PROVIDE NFT INFORMATION (E0 14, cmd_provide_nft_info.c): `type 01 || version 01 || nameLength ||
 * name || address (20) || chainId (8) || keyId || algorithmId 01 || signatureLength || DER`, signed
 * over SHA-256 of everything before the signature length. With a loaded certificate of usage
 * NFT_METADATA its key checks the signature, else the app's NFT metadata key (`nftPublicKey`).
 * Stores the collection in the next asset slot and answers the slot index; anything wrong
 * answers 0x6A80.
 */
export function provideNftInformation(device: LedgerDevice, apdu: Apdu): Uint8Array {
  const { data } = apdu
  const bad = (why: string) => new ApduStatusError(StatusWord.incorrectData, why)
  if (data.length <= 3) throw bad('NFT information too short')
  if (data[0] !== 1) throw bad('Unsupported NFT information type')
  if (data[1] !== 1) throw bad('Unsupported NFT information version')
  const nameLength = data[2]!
  const signedLength = 3 + nameLength + 20 + 8 + 1 + 1
  if (data.length < signedLength) throw bad('NFT information too short')
  if (nameLength > maxNameLength) throw bad('Collection name too long')
  const collectionName = new TextDecoder().decode(data.subarray(3, 3 + nameLength))
  const address = getAddress(bytesToHex(data.subarray(3 + nameLength, 23 + nameLength)))
  const chainId = readUintBE(data.subarray(23 + nameLength, 31 + nameLength))
  if (!isAppCompatibleChain(chainId)) throw bad(`Unsupported chain id ${chainId}`)
  if (data[31 + nameLength] !== nftMetadataProdKeyId) throw bad('Unsupported NFT key id')
  if (data[32 + nameLength] !== 1) throw bad('Unsupported NFT signature algorithm')
  const signed = data.subarray(0, signedLength)
  const signatureLength = data[signedLength]
  if (signatureLength === undefined) throw bad('NFT information without a signature')
  if (signatureLength < minSignatureLength || signatureLength > maxSignatureLength) {
    throw bad('Bad NFT signature length')
  }
  const signature = data.subarray(signedLength + 1, signedLength + 1 + signatureLength)
  if (signature.length < signatureLength) throw bad('NFT signature truncated')
  if (!verifyNftSignature(device, signed, signature)) throw bad('NFT information signature invalid')
  const index = storeToken(device.tokens, {
    address,
    ticker: collectionName,
    decimals: 0,
    chainId,
    collectionName,
  })
  return Uint8Array.of(index)
}

// `check_signature_with_pubkey`: a certificate of the NFT usage decides alone; none, or one of
// another usage, falls back to the built-in key.
function verifyNftSignature(
  device: LedgerDevice,
  signed: Uint8Array,
  signature: Uint8Array,
): boolean {
  const certificate = device.pkiCertificate
  if (certificate?.keyUsage === KeyUsage.nftMetadata) {
    return verifyWithCertificate(certificate, KeyUsage.nftMetadata, sha256(signed), signature)
  }
  return verifyCalSignature(device.nftPublicKey, signed, signature)
}
