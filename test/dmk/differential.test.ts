/**
 * Airlock's ERC-7730 clear signing against Ledger's own SDK: DMK's Ethereum signer
 * (`@ledgerhq/device-signer-kit-ethereum` 1.18.1 with `@ledgerhq/context-module` 2.6.0) and Airlock
 * (`ledgerServices` fetched mode, and bundled `descriptors`) sign the same transactions on the same
 * emulated Flex, with the same fake CAL. From the transaction in store mode to the signature they
 * send the same APDUs byte for byte; everything DMK sends besides is listed below with its reason,
 * and so is every request it makes that Airlock does not.
 */
import {
  calPublicKeyOf,
  createLedgerEmulator,
  type EmulatorExchange,
  type LedgerEmulator,
  testMnemonic,
  testPublicKeyOf,
} from '@airlock/emulator'
import {
  clearSigningTokens,
  erc1155Collection,
  exampleCounter,
  testClearSigningKeys as keys,
  lendingPool,
  safeWallet,
  swapRouter,
} from '@airlock/fixtures/clearSigningContracts'
import { type LedgerDescriptors, toLedgerAccount } from '@airlock/ledger'
import { fetchLedgerDescriptors } from '@airlock/ledger/descriptors'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  parseAbi,
  parseGwei,
  parseTransaction,
  parseUnits,
  serializeTransaction,
  type TransactionSerializableEIP1559,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type CalRequest, type FakeCal, startFakeCal } from '../cal/fakeCal.js'
import { openDmkSigner } from './dmkSigner.js'
import { type ServicesLog, startServicesLog } from './servicesLog.js'

const user = mnemonicToAccount(testMnemonic)
const path = "m/44'/60'/0'/0/0"
const other: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const unknownContract: Address = '0x1111111111111111111111111111111111111111'
const [usdc, weth] = clearSigningTokens as [
  (typeof clearSigningTokens)[0],
  (typeof clearSigningTokens)[0],
]
const fees = {
  type: 'eip1559',
  nonce: 7,
  gas: 300_000n,
  maxFeePerGas: parseGwei('30'),
  maxPriorityFeePerGas: parseGwei('1'),
} as const
const abiOf = (signature: string) => parseAbi([signature]) as Abi

type Case = {
  transaction: TransactionSerializableEIP1559 & { chainId: number; to: Address; data: Hex }
  /** No descriptor anywhere: blind signing is turned on, on the device and in Airlock. */
  blind?: boolean
  /** The inner calls its CALLDATA fields name (each costs DMK one more GET CHALLENGE). */
  innerCalls?: number
}

const cases: Record<string, Case> = {
  'Uniswap swap (exactInputSingle)': {
    transaction: {
      ...fees,
      chainId: 1,
      to: swapRouter.address,
      data: encodeFunctionData({
        abi: abiOf(swapRouter.functions[0]!.signature),
        functionName: 'exactInputSingle',
        args: [
          {
            tokenIn: usdc.address,
            tokenOut: weth.address,
            fee: 500,
            recipient: user.address,
            amountIn: parseUnits('1.5', 6),
            amountOutMinimum: parseUnits('0.0004', 18),
            sqrtPriceLimitX96: 0n,
          },
        ],
      }),
    },
  },
  'Aave supply': {
    transaction: {
      ...fees,
      chainId: 1,
      to: lendingPool.address,
      data: encodeFunctionData({
        abi: abiOf(lendingPool.functions[0]!.signature),
        functionName: 'supply',
        args: [usdc.address, parseUnits('100', 6), user.address, 0],
      }),
    },
  },
  'Aave borrow (an enum field)': {
    transaction: {
      ...fees,
      chainId: 1,
      to: lendingPool.address,
      data: encodeFunctionData({
        abi: abiOf(lendingPool.functions[1]!.signature),
        functionName: 'borrow',
        args: [usdc.address, parseUnits('50', 6), 2n, 0, user.address],
      }),
    },
  },
  'ERC-1155 safeBatchTransferFrom': {
    transaction: {
      ...fees,
      chainId: 1,
      to: erc1155Collection.address,
      data: encodeFunctionData({
        abi: abiOf(erc1155Collection.functions[0]!.signature),
        functionName: 'safeBatchTransferFrom',
        args: [user.address, other, [1n, 2n], [3n, 4n], '0x'],
      }),
    },
  },
  'Counter increment (the dApp example)': {
    transaction: {
      ...fees,
      chainId: exampleCounter.chainId,
      to: exampleCounter.address,
      data: '0xd09de08a',
    },
  },
  'Safe execTransaction wrapping the Counter (nested calldata)': {
    innerCalls: 1,
    transaction: {
      ...fees,
      chainId: 1,
      to: safeWallet.address,
      data: encodeFunctionData({
        abi: abiOf(safeWallet.functions[0]!.signature),
        functionName: 'execTransaction',
        args: [exampleCounter.address, 0n, '0xd09de08a', 0, 0n, 0n, 0n, zeroAddress, other, '0x'],
      }),
    },
  },
  'a contract without descriptor (blind)': {
    blind: true,
    transaction: {
      ...fees,
      chainId: 1,
      to: unknownContract,
      data: `0xdeadbeef${user.address.slice(2).toLowerCase().padStart(64, '0')}`,
    },
  },
}

/** A plain ERC-20 transfer: the app's own ERC-20 handling, no ERC-7730 descriptor. */
const usdcTransfer: Case = {
  transaction: {
    ...fees,
    chainId: 1,
    to: usdc.address,
    data: encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [other, parseUnits('1.5', 6)],
    }),
  },
}

/**
 * What DMK's SignTransaction device action sends before the transaction, and Airlock does not
 * (Airlock sends only GET APP CONFIGURATION, which DMK sends third).
 */
const dmkPreamble = [
  // GET APP AND VERSION: OpenAppDeviceAction checks that the Ethereum app is open before every
  // signature (`skipOpenApp` is off by default). Airlock checks the app once, on connecting, and
  // its GET APP CONFIGURATION below fails on a closed app.
  'b001000000',
  // GET APP CONFIGURATION: both, to know what the app supports.
  'e006000000',
  // WEB3 CHECKS OPT-IN (E0 32 01): on a Stax or Flex whose app has neither enabled nor refused
  // transaction checks, DMK asks the user to opt in; with them on, it posts each transaction and
  // the signer's address to Ledger's transaction-checks service. Airlock never does (privacy).
  'e032010000',
  // GET ADDRESS (no display) of the signing path: DMK reads the signer's address to put it as
  // `from` into the context module's input, for those transaction checks. Airlock has no use for it.
  'e002000015058000002c8000003c800000000000000000000000',
  // GET CHALLENGE: the nonce Ledger's names and metadata services sign into trusted names and
  // proxy info (BuildBaseContexts asks for it on every model but the Nano S). Airlock makes no
  // name-service or proxy lookup, so it needs none.
  'e020000000',
]
/** Airlock's one APDU before the transaction. */
const airlockPreamble = ['e006000000']

let cal: FakeCal
let services: ServicesLog
let bundled: LedgerDescriptors[]
beforeAll(async () => {
  ;[cal, services] = await Promise.all([startFakeCal(), startServicesLog()])
  // What a dApp bundles with `airlock-ledger descriptors --test-signatures`: its contracts and the
  // tokens they name, on each chain.
  bundled = [
    await fetchLedgerDescriptors({
      url: cal.url,
      mode: 'test',
      chainId: 1,
      contracts: [
        swapRouter.address,
        lendingPool.address,
        erc1155Collection.address,
        safeWallet.address,
      ],
      tokens: [usdc.address, weth.address],
    }),
    await fetchLedgerDescriptors({
      url: cal.url,
      mode: 'test',
      chainId: exampleCounter.chainId,
      contracts: [exampleCounter.address],
    }),
  ]
})
afterAll(async () => {
  await Promise.all([cal.close(), services.close()])
})

/**
 * The Flex every run signs on: blind signing as shipped (off) unless the case is blind, the test
 * PKI root, and as ERC-20 key the fake CAL's test key, or Ledger's production one for the
 * descriptors Airlock bundles itself.
 */
function flex(options: { blind: boolean; erc20Key: 'test' | 'production' }): LedgerEmulator {
  return createLedgerEmulator({
    model: 'flex',
    blindSigning: options.blind,
    pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
    ...(options.erc20Key === 'test' ? { calPublicKey: calPublicKeyOf(keys.erc20) } : {}),
  })
}

type Run = {
  exchanges: EmulatorExchange[]
  signature: { v: number; r: Hex; s: Hex }
  calRequests: CalRequest[]
}

async function signWithDmk({
  transaction,
  blind,
}: Case): Promise<Run & { services: typeof services.requests }> {
  const device = flex({ blind: blind ?? false, erc20Key: 'test' })
  const dmk = await openDmkSigner(device, cal.url, services.url)
  try {
    device.clearLogs()
    cal.requests.length = 0
    services.requests.length = 0
    const signature = await dmk.signTransaction(path, serializeTransaction(transaction))
    return {
      exchanges: [...device.exchanges],
      signature,
      calRequests: [...cal.requests],
      services: [...services.requests],
    }
  } finally {
    dmk.close()
  }
}

async function signWithAirlock(
  { transaction, blind }: Case,
  source: 'fetched' | 'bundled',
  erc20Key: 'test' | 'production' = 'test',
): Promise<Run> {
  const device = flex({ blind: blind ?? false, erc20Key })
  const account = await toLedgerAccount({
    transport: device.transport,
    path,
    ...(source === 'fetched'
      ? { ledgerServices: { url: cal.url, signatures: 'test' as const } }
      : { descriptors: bundled }),
    blindSigning: blind ? 'allow' : 'refuse',
  })
  device.clearLogs()
  cal.requests.length = 0
  services.requests.length = 0
  const signed = parseTransaction(await account.signTransaction(transaction))
  // Airlock's requests go to the configured CAL URL only.
  expect(services.requests).toEqual([])
  return {
    exchanges: [...device.exchanges],
    signature: { v: signed.yParity!, r: signed.r!, s: signed.s! },
    calRequests: [...cal.requests],
  }
}

const requestsOf = (run: Run) => run.exchanges.map((exchange) => exchange.request)

/** DMK's run without its preamble, and Airlock's without its own: the part that must be equal. */
function signingPart(dmk: Run, airlock: Run) {
  expect(requestsOf(dmk).slice(0, dmkPreamble.length)).toEqual(dmkPreamble)
  expect(requestsOf(airlock).slice(0, airlockPreamble.length)).toEqual(airlockPreamble)
  return {
    dmk: dmk.exchanges.slice(dmkPreamble.length),
    airlock: airlock.exchanges.slice(airlockPreamble.length),
  }
}

/** A CAL request as a comparable string: path and parameters, addresses in lower case. */
const calKey = (request: CalRequest) =>
  `${request.path}?${new URLSearchParams(request.params)}`.toLowerCase()

/** Airlock asks CAL nothing DMK does not, and never with the user's address. */
function expectSubsetOfDmk(airlock: readonly CalRequest[], dmk: readonly CalRequest[]) {
  const asked = new Set(dmk.map(calKey))
  for (const request of airlock) expect(asked).toContain(calKey(request))
  expect(JSON.stringify(airlock).toLowerCase()).not.toContain(user.address.slice(2).toLowerCase())
}

/** A CAL request as `path?output`, the way the lists below name them. */
const calEndpoint = (request: CalRequest) =>
  `${request.path}${request.params.output ? `?output=${request.params.output}` : ''}${
    request.params.public_key_usage ? `&usage=${request.params.public_key_usage}` : ''
  }`

describe('DMK (signer-kit-ethereum 1.18.1) and Airlock send the same APDUs', () => {
  for (const [name, entry] of Object.entries(cases)) {
    test(name, async () => {
      const dmk = await signWithDmk(entry)
      const fetched = await signWithAirlock(entry, 'fetched')
      const bundledRun = await signWithAirlock(entry, 'bundled')

      const part = signingPart(dmk, fetched)
      // DMK builds an inner call's contexts with a new BuildBaseContexts, which asks the device's
      // challenge again (for names and proxies Airlock does not look up), before the transaction.
      const innerChallenges = part.dmk.slice(0, entry.innerCalls ?? 0)
      expect(innerChallenges.map((e) => e.request)).toEqual(
        Array(entry.innerCalls ?? 0).fill('e020000000'),
      )
      expect(part.airlock).toEqual(part.dmk.slice(entry.innerCalls ?? 0))
      expect(fetched.signature).toEqual(dmk.signature)
      // Bundled descriptors: the same APDUs, and no request at all while signing.
      expect(bundledRun.exchanges).toEqual(fetched.exchanges)
      expect(bundledRun.calRequests).toEqual([])

      expectSubsetOfDmk(fetched.calRequests, dmk.calRequests)
    })
  }

  test('USDC transfer: the same APDUs; the token descriptor differs only in its signature', async () => {
    const entry = usdcTransfer
    const dmk = await signWithDmk(entry)
    // Airlock sends the ERC-20 descriptor it bundles (Ledger's production signature, from
    // @ledgerhq/cryptoassets-evm-signatures) and, fetching, asks CAL only whether the token has a
    // calldata descriptor; DMK fetches the token's descriptor from CAL, which the fake CAL signs
    // with the test key. So Airlock's run is on a Flex that trusts Ledger's production ERC-20 key,
    // DMK's on one that trusts the test key.
    const fetched = await signWithAirlock(entry, 'fetched', 'production')
    const bundledRun = await signWithAirlock(entry, 'bundled', 'production')
    expect(fetched.calRequests.map(calEndpoint)).toEqual([
      '/cal/v1/dapps?output=descriptors_calldata',
    ])
    expect(bundledRun.calRequests).toEqual([])
    expect(bundledRun.exchanges).toEqual(fetched.exchanges)

    const part = signingPart(dmk, fetched)
    expect(part.airlock.map((e) => e.request.slice(0, 4))).toEqual(['e00a', 'e004'])
    expect(part.airlock.map((e) => e.request.slice(0, 4))).toEqual(
      part.dmk.map((e) => e.request.slice(0, 4)),
    )
    // PROVIDE ERC-20 TOKEN INFORMATION: ticker length, ticker, address, decimals, chain id are
    // the same bytes; the signature after them is the production one against the test one.
    const signed = 2 * (5 + 1 + usdc.ticker.length + 20 + 4 + 4)
    const [airlockToken, airlockSign] = part.airlock as [EmulatorExchange, EmulatorExchange]
    const [dmkToken, dmkSign] = part.dmk as [EmulatorExchange, EmulatorExchange]
    expect(airlockToken.request.slice(10, signed)).toEqual(dmkToken.request.slice(10, signed))
    expect(airlockToken.request.slice(signed)).not.toEqual(dmkToken.request.slice(signed))
    expect(airlockToken.response).toEqual(dmkToken.response)
    // SIGN TRANSACTION: the same bytes, the same signature.
    expect(airlockSign).toEqual(dmkSign)
    expect(fetched.signature).toEqual(dmk.signature)
    expectSubsetOfDmk(fetched.calRequests, dmk.calRequests)
  })
})

describe('what DMK asks that Airlock does not', () => {
  test('a clear-signed swap', async () => {
    const entry = cases['Uniswap swap (exactInputSingle)']!
    const dmk = await signWithDmk(entry)
    const fetched = await signWithAirlock(entry, 'fetched')
    expect(fetched.calRequests.map(calEndpoint)).toEqual([
      '/cal/v1/dapps?output=descriptors_calldata',
      '/cal/v1/certificates?output=descriptor&usage=calldata',
      '/cal/v1/tokens?output=descriptor',
      '/cal/v1/tokens?output=descriptor',
    ])
    expect(dmk.calRequests.map(calEndpoint)).toEqual([
      // the external-plugin loader: Ledger's legacy plugins (Airlock sends no SET PLUGIN)
      '/cal/v1/dapps?output=b2c,b2c_signatures,abis',
      '/cal/v1/dapps?output=descriptors_calldata',
      // the dynamic-network loader: a signed network name and icon (PROVIDE NETWORK INFORMATION)
      // for chains the app does not know; the app knows chain 1
      '/cal/v1/networks?output=id,descriptors,icons',
      // gated signing (app 1.21+): Ledger's list of dApps whose calls need an extra confirmation
      '/cal/v1/gated_dapps?output=gated_descriptors,app,category',
      '/cal/v1/certificates?output=descriptor&usage=calldata',
      '/cal/v1/certificates?output=descriptor&usage=network',
      '/cal/v1/tokens?output=descriptor',
      // the ERC-20 metadata certificate (COIN_META): DMK would load it (B0 06 08) before each
      // token descriptor; the fake CAL has none, so it sends none, and the app checks the token
      // against its built-in CAL key (ledger_pki.c's legacy path), as for Airlock's tokens
      '/cal/v1/certificates?output=descriptor&usage=coin_meta',
      '/cal/v1/tokens?output=descriptor',
      '/cal/v1/certificates?output=descriptor&usage=coin_meta',
    ])
    expect(dmk.services.map((r) => `${r.method} ${r.path}`)).toEqual([
      // a reverse-name lookup of the called address (trusted names); Airlock makes none
      `GET /metadata/v2/names/ethereum/1/reverse/${swapRouter.address}`,
      // the gated-signing loader resolves the called address as a proxy (empty calldata), to look
      // its implementation up in the gated dApps; proxy info (E0 2A) is implemented separately
      'POST /metadata/v2/ethereum/1/contract/proxy/delegate',
      // telemetry, for clear-signed calls too: Airlock sends none
      'POST /reporter/v1/blind-signing-events',
    ])
    expect(JSON.parse(dmk.services[2]!.body)).toMatchObject({
      signingMethod: 'eth_signTransaction',
      isBlindSign: false,
      chainId: 1,
      targetAddress: swapRouter.address,
      modelId: 'flex',
      signerAppVersion: '1.22.0',
      source: 'third-party',
    })
  })

  test('a blind call: DMK posts the calldata, with the user address in it, to the proxy service', async () => {
    const entry = cases['a contract without descriptor (blind)']!
    const dmk = await signWithDmk(entry)
    const fetched = await signWithAirlock(entry, 'fetched')
    expect(fetched.calRequests.map(calEndpoint)).toEqual([
      '/cal/v1/dapps?output=descriptors_calldata',
    ])
    // After no descriptor for the address, CalldataContextLoader asks for one keyed by the token
    // (`tokens?output=descriptors_calldata`), then for the proxy's implementation, with the
    // calldata (the gated-signing loader's lookup, empty calldata, comes first).
    expect(dmk.calRequests.map(calEndpoint)).toContain('/cal/v1/tokens?output=descriptors_calldata')
    const proxyCalls = dmk.services.filter((r) => r.path.endsWith('/contract/proxy/delegate'))
    expect(proxyCalls.map((r) => JSON.parse(r.body))).toEqual([
      { proxy: unknownContract, data: '0x', challenge: '' },
      { proxy: unknownContract, data: entry.transaction.data, challenge: '' },
    ])
    expect(proxyCalls[1]!.body.toLowerCase()).toContain(user.address.slice(2).toLowerCase())
    expect(JSON.parse(dmk.services.at(-1)!.body)).toMatchObject({
      isBlindSign: true,
      blindSignReason: 'no_clear_signing_context',
      targetAddress: unknownContract,
    })
  })
})
