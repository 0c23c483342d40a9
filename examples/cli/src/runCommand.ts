import { readFileSync } from 'node:fs'
import { discoverAccounts, type HardwareSigner, toHardwareAccount } from '@airlock/core'
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  isHex,
  parseEther,
  parseGwei,
  type TypedDataDefinition,
} from 'viem'
import type { CliArguments } from './parseCliArguments.js'

/** Runs one command on a connected signer and returns what to print. */
export async function runCommand(signer: HardwareSigner, args: CliArguments): Promise<unknown> {
  if (args.command === 'addresses')
    return discoverAccounts(signer, { scheme: args.scheme, offset: args.index, limit: args.count })

  const account = await toHardwareAccount(signer, { path: args.path })
  switch (args.command) {
    case 'show-address':
      await account.verifyAddress()
      return { path: account.path, address: account.address, confirmed: true }
    case 'sign-message': {
      const input = args.input!
      const message = isHex(input) ? { raw: input as Hex } : input
      return { address: account.address, signature: await account.signMessage({ message }) }
    }
    case 'sign-typed-data': {
      const input = args.input!
      const json = input.startsWith('@') ? readFileSync(input.slice(1), 'utf8') : input
      const typedData = JSON.parse(json) as TypedDataDefinition
      return { address: account.address, signature: await account.signTypedData(typedData) }
    }
    case 'sign-tx':
    case 'send': {
      const request = {
        to: args.to as Hex,
        value: parseEther(args.value),
        data: args.data as Hex | undefined,
      }
      if (!args.rpc) {
        const serializedTransaction = await account.signTransaction({
          ...request,
          chainId: args.chainId ?? 1,
          type: 'eip1559',
          nonce: 0,
          gas: args.data ? 100_000n : 21_000n,
          maxFeePerGas: parseGwei('30'),
          maxPriorityFeePerGas: parseGwei('1'),
        })
        return { from: account.address, serializedTransaction }
      }
      const transport = http(args.rpc)
      const chainId = await createPublicClient({ transport }).getChainId()
      const chain = defineChain({
        id: chainId,
        name: `chain ${chainId}`,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [args.rpc] } },
      })
      const client = createWalletClient({ account, chain, transport })
      if (args.command === 'sign-tx') {
        const prepared = await client.prepareTransactionRequest(request)
        return {
          from: account.address,
          serializedTransaction: await client.signTransaction(prepared),
        }
      }
      const hash = await client.sendTransaction(request)
      const receipt = await createPublicClient({ chain, transport }).waitForTransactionReceipt({
        hash,
        timeout: 60_000,
      })
      return {
        from: account.address,
        hash,
        status: receipt.status,
        blockNumber: receipt.blockNumber,
      }
    }
  }
}
