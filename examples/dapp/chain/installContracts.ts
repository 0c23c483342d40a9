import {
  type Address,
  createTestClient,
  encodeAbiParameters,
  type Hex,
  http,
  keccak256,
  numberToHex,
  parseUnits,
  walletActions,
} from 'viem'
import { counter, tetherUsd, usdCoin } from '../contracts/compiled.generated.js'
import { counterAddress, type Token, usdc, usdt } from '../src/tokens.js'

/** What each of the node's accounts holds of each token. */
export const tokenBalance = 1_000_000n

/** The slot of `mapping(address => uint256)` at `slot` for `key`, as Solidity lays it out. */
function mappingSlot(key: Address, slot: number): Hex {
  return keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [key, BigInt(slot)]),
  )
}

/**
 * Puts the tokens' code at USDC's and USDT's mainnet addresses and the Counter at its own, with
 * `hardhat_setCode`, and gives each of the node's accounts `tokenBalance` of each token by writing
 * the `balanceOf` and `totalSupply` storage: no transaction, so nonces and ether stay untouched.
 */
export async function installContracts(rpcUrl: string): Promise<void> {
  const client = createTestClient({ mode: 'hardhat', transport: http(rpcUrl) }).extend(
    walletActions,
  )
  const holders = await client.getAddresses()
  const tokens: [Token, typeof usdCoin | typeof tetherUsd][] = [
    [usdc, usdCoin],
    [usdt, tetherUsd],
  ]
  for (const [token, compiled] of tokens) {
    const { balanceOf, totalSupply } = compiled.storageSlots
    const amount = parseUnits(String(tokenBalance), token.decimals)
    await client.setCode({ address: token.address, bytecode: compiled.runtimeCode })
    for (const holder of holders)
      await client.setStorageAt({
        address: token.address,
        index: mappingSlot(holder, balanceOf),
        value: numberToHex(amount, { size: 32 }),
      })
    await client.setStorageAt({
      address: token.address,
      index: totalSupply,
      value: numberToHex(amount * BigInt(holders.length), { size: 32 }),
    })
  }
  await client.setCode({ address: counterAddress, bytecode: counter.runtimeCode })
}
