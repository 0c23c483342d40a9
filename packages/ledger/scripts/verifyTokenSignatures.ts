import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { hexToBytes } from '@noble/hashes/utils'
import { parseTokenSignatures } from '../src/descriptors/parseTokenSignatures.js'

/**
 * The key the Ethereum app checks token descriptors against: `LEDGER_SIGNATURE_PUBLIC_KEY` of
 * app-ethereum `src/public_keys.h`, the production key ("erc20signer", 2019-01-11).
 */
export const ledgerProductionCalKey = hexToBytes(
  '045e6c1020c14dc46442fe89f97c0b68cdb15976dc24f24c316e7b30fe4e8cc76b1489150c21514ebf440ff5dea5393d83de5358cd098fce8fd0f81daa94979183',
)

/**
 * Whether the Ethereum app accepts this INS 0x0A payload: as app-ethereum
 * `cmd_provide_token_info.c` does, the DER signature that follows the fixed fields must be an ECDSA
 * signature by Ledger's key of SHA-256(ticker ‖ address ‖ decimals ‖ chainId), the ticker length
 * byte left out.
 */
export function isSignedByLedger(payload: Uint8Array, publicKey = ledgerProductionCalKey): boolean {
  const tickerLength = payload[0] ?? 0
  const signedEnd = 1 + tickerLength + 20 + 4 + 4
  if (payload.length <= signedEnd) return false
  try {
    return secp256k1.verify(
      payload.subarray(signedEnd),
      sha256(payload.subarray(1, signedEnd)),
      publicKey,
      { format: 'der', prehash: false, lowS: false },
    )
  } catch {
    return false
  }
}

/** What is wrong with the chains' token blobs, one line each: empty when every record verifies. */
export function findTokenSignatureProblems(
  erc20Signatures: { chainId: number; base64: string }[],
): string[] {
  const problems: string[] = []
  for (const { chainId, base64 } of erc20Signatures) {
    let tokens: ReturnType<typeof parseTokenSignatures>
    try {
      tokens = parseTokenSignatures(base64)
    } catch (error) {
      problems.push(`chain ${chainId}: ${(error as Error).message}`)
      continue
    }
    if (tokens.length === 0) problems.push(`chain ${chainId}: no tokens`)
    for (const token of tokens) {
      const name = `chain ${chainId} ${token.ticker} ${token.address}`
      if (token.chainId !== chainId) problems.push(`${name}: signed for chain ${token.chainId}`)
      if (!isSignedByLedger(token.payload)) problems.push(`${name}: signature does not verify`)
    }
  }
  return problems
}
