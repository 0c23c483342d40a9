import type { Address } from 'viem'

/** An ERC-20 token descriptor the app accepted (PROVIDE ERC 20 TOKEN INFORMATION). */
export type ProvidedToken = {
  readonly address: Address
  readonly ticker: string
  /** The app keeps the low byte only (`tokenDefinition_t.decimals` is a uint8_t). */
  readonly decimals: number
  readonly chainId: bigint
  /**
   * Set when PROVIDE NFT INFORMATION filled the slot: the app's slots are a union of ERC-20 and NFT
   * infos, the collection name where a token's ticker is (`ticker` then holds it too).
   */
  readonly collectionName?: string | undefined
}

/**
 * The app's asset slots (`tmpCtx.transactionContext.extraInfo[MAX_ASSETS]`, src/shared_context.h:30):
 * a ring of 5 entries written at `current`, which moves on after each accepted descriptor
 * (src/manage_asset_info.c:43-49).
 */
export type TokenSlots = {
  readonly slots: (ProvidedToken | undefined)[]
  current: number
}

/** MAX_ASSETS. */
export const tokenSlotCount = 5

/** Empty slots, the write index at 0. */
export function createTokenSlots(): TokenSlots {
  return { slots: Array.from({ length: tokenSlotCount }, () => undefined), current: 0 }
}

/** `forget_known_assets()`: every slot unset, the write index back to 0. */
export function forgetTokens(tokens: TokenSlots): void {
  tokens.slots.fill(undefined)
  tokens.current = 0
}

/** Stores `token` at the write index and returns that index, as the app answers it. */
export function storeToken(tokens: TokenSlots, token: ProvidedToken): number {
  const index = tokens.current
  tokens.slots[index] = token
  tokens.current = (index + 1) % tokenSlotCount
  return index
}

/** `get_asset_index_by_addr`: the first set slot holding `address`, or -1. Chain ids are not compared. */
export function tokenIndexByAddress(tokens: TokenSlots, address: string): number {
  const wanted = address.toLowerCase()
  return tokens.slots.findIndex((token) => token?.address.toLowerCase() === wanted)
}

/** The token in slot `index`, if set. */
export function tokenAt(tokens: TokenSlots, index: number): ProvidedToken | undefined {
  return tokens.slots[index]
}
