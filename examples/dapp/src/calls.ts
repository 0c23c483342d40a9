import { type Address, encodeFunctionData, erc20Abi, type Hex, parseAbi, parseUnits } from 'viem'
import { counterAddress, usdc } from './tokens.js'

/** A contract call as the page sends it: no ether, only data. */
export type ContractCall = { to: Address; data: Hex }

/** 1 USDC to `to`: an ERC-20 `transfer` the Ledger clear-signs with Ledger's token descriptor. */
export function usdcTransfer(to: Address): ContractCall {
  return {
    to: usdc.address,
    data: encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [to, parseUnits('1', usdc.decimals)],
    }),
  }
}

/**
 * `Counter.increment()`: clear on a device that accepts the page's bundled (TEST-signed) descriptor,
 * blind on any other (a real Ledger).
 */
export function counterIncrement(): ContractCall {
  return {
    to: counterAddress,
    data: encodeFunctionData({
      abi: parseAbi(['function increment()']),
      functionName: 'increment',
    }),
  }
}
