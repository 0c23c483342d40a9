/**
 * A hostile dApp against `createHardwareProvider` on both emulators: races, bad parameters, methods
 * a node could answer with its own keys, sessions ended mid-review, hostile typed data, tampered
 * signatures, reused token addresses, trailing calldata. Each check asserts what came back and what
 * the emulated device was sent or showed. SECURITY.md maps each promise to these tests.
 */
import { type DeviceSignature, type HardwareSigner, toHardwareAccount } from '@airlock/core'
import { testMnemonic } from '@airlock/emulator'
import { createHardwareProvider } from '@airlock/provider'
import { encodeFunctionData, erc20Abi, type Hex, parseTransaction } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { mainnet } from 'viem/chains'
import { afterEach, describe, expect, test } from 'vitest'
import {
  createHostileDapp,
  deferredUser,
  devices,
  type HostileDapp,
  type HostileDappOptions,
  type Outcome,
} from './hostileDapp.js'

const reference = mnemonicToAccount(testMnemonic)
const from = reference.address
const to = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const transfer = encodeFunctionData({
  abi: erc20Abi,
  functionName: 'transfer',
  args: [to, 10n ** 6n],
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms, 'still pending'))

/** Typed data with a `{ name, chainId }` domain on chain 1. */
function typedData(types: Record<string, unknown>, primaryType: string, message: unknown) {
  return {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'chainId', type: 'uint256' },
      ],
      ...types,
    },
    primaryType,
    domain: { name: 'Hostile', chainId: 1 },
    message,
  }
}

function code(outcome: Outcome): number | 'ok' {
  return 'result' in outcome ? 'ok' : outcome.code
}

function causeName(outcome: Outcome): string | undefined {
  return 'cause' in outcome ? outcome.cause?.name : undefined
}

/**
 * What reached the device beyond reading its address or its app's settings (Ledger's GET ADDRESS
 * and GET APP CONFIGURATION, Trezor's Initialize and GetFeatures): the request itself.
 */
function requestsToDevice(dapp: HostileDapp) {
  return dapp.emulator.exchanges.filter(
    ({ request }) => !/^e00[26]/i.test(request) && !/^(Initialize|GetFeatures)\b/.test(request),
  )
}

function shown(dapp: HostileDapp): string {
  return dapp.emulator.reviews
    .flatMap((review) => review.screens.map((screen) => `${screen.title}: ${screen.value}`))
    .join('\n')
}

describe.each(devices)('%s: a hostile dApp against createHardwareProvider', (device) => {
  let dapp: HostileDapp | undefined
  afterEach(async () => {
    await dapp?.dispose()
    dapp = undefined
  })

  async function connected(options: HostileDappOptions = {}) {
    dapp = await createHostileDapp(device, options)
    expect(await dapp.attempt('eth_requestAccounts')).toEqual({ result: [from] })
    return dapp
  }

  /** Runs `attack` and asserts that nothing reached the device and nothing was broadcast. */
  async function beforeTheDevice(dapp: HostileDapp, attack: () => Promise<void>) {
    const requests = requestsToDevice(dapp).length
    await attack()
    expect(requestsToDevice(dapp).length).toBe(requests)
    expect(dapp.emulator.reviews).toEqual([])
    expect(dapp.nodes[1].state.sent).toEqual([])
  }

  describe('chain binding (issue 17, item 2)', () => {
    test('a switch while eth_signTransaction reads fees: prepared, shown and signed for chain 1', async () => {
      const dapp = await connected({ latency: 100 })
      const pending = dapp.attempt('eth_signTransaction', [
        { from, to, value: '0xde0b6b3a7640000', chainId: '0x1' },
      ])
      await sleep(150)
      expect(await dapp.attempt('wallet_switchEthereumChain', [{ chainId: '0x89' }])).toEqual({
        result: null,
      })
      const outcome = await pending
      expect(code(outcome)).toBe('ok')
      const signed = parseTransaction((outcome as { result: Hex }).result)
      expect(signed).toMatchObject({ chainId: 1, nonce: 7, value: 10n ** 18n })
      const { r: _r, s: _s, v: _v, yParity: _y, ...unsigned } = signed
      expect(await reference.signTransaction(unsigned as never)).toBe(
        (outcome as { result: Hex }).result,
      )
      expect(dapp.emulator.reviews).toHaveLength(1)
      expect(shown(dapp)).not.toMatch(/Polygon|POL|137/)
      expect(dapp.nodes[137].state.requests).toEqual([])
    })

    test('a switch while the device reviews eth_sendTransaction: sent on chain 1 only', async () => {
      const person = deferredUser()
      const dapp = await connected({ user: person.user })
      const pending = dapp.attempt('eth_sendTransaction', [{ from, to, value: '0x1' }])
      await person.waiting
      await dapp.attempt('wallet_switchEthereumChain', [{ chainId: '0x89' }])
      person.decide('approve')
      expect(code(await pending)).toBe('ok')
      expect(dapp.nodes[137].state.sent).toEqual([])
      expect(dapp.nodes[1].state.sent.map((raw) => parseTransaction(raw).chainId)).toEqual([1])
    })
  })

  describe('bad parameters are -32602 before the device (issue 17, item 4)', () => {
    test('fees, types and checksums', async () => {
      const dapp = await connected()
      const attacks: Record<string, unknown>[] = [
        { maxFeePerGas: `0x1${'0'.repeat(64)}` },
        { type: '0x0', maxFeePerGas: '0x5' },
        { type: '0x1', maxFeePerGas: '0x5', gasPrice: '0x5' },
        { type: '0x0', maxFeePerGas: '0x5' },
        { maxFeePerGas: '0x5', maxPriorityFeePerGas: '0x6' },
        { to: '0x70997970c51812dc3A010C7d01b50e0d17dc79C8' },
        { type: '0x2', gasPrice: '0x5' },
        { type: '0x0', accessList: [] },
        { type: '0x4', authorizationList: [] },
        { maxFeePerBlobGas: '0x1' },
        { value: `0x1${'0'.repeat(64)}` },
        { chainId: '0x89' },
      ]
      await beforeTheDevice(dapp, async () => {
        for (const method of ['eth_signTransaction', 'eth_sendTransaction'])
          for (const fields of attacks) {
            const outcome = await dapp.attempt(method, [{ from, to, ...fields }])
            expect([method, fields, code(outcome)]).toEqual([method, fields, -32602])
          }
      })
    })
  })

  describe('the method allow-list (issue 17, item 5)', () => {
    test('signing-shaped and unknown methods are 4200; the node sees none of them', async () => {
      const dapp = await connected()
      await beforeTheDevice(dapp, async () => {
        for (const method of [
          'eth_signTypedData_v2',
          'ETH_SIGN',
          'eth_sendUnsignedTransaction',
          'account_signTransaction',
          'eth_sign',
          'personal_sendTransaction',
          'eth_signTypedData_v3',
          'hardhat_impersonateAccount',
          'anvil_setBalance',
        ])
          expect([method, code(await dapp.attempt(method, [from, '0x00']))]).toEqual([method, 4200])
      })
      expect(dapp.nodes[1].state.requests).toEqual([])
      // A read goes through.
      expect(await dapp.attempt('eth_getBalance', [from, 'latest'])).toEqual({
        result: '0xde0b6b3a7640000',
      })
    })
  })

  describe('nothing after the session ends (issue 17, item 6)', () => {
    test('disconnect while the device waits: 4900 at once, nothing delivered or sent later', async () => {
      const person = deferredUser()
      const dapp = await connected({ user: person.user })
      const pending = dapp.attempt('eth_sendTransaction', [{ from, to, value: '0x1' }])
      await person.waiting
      await dapp.provider.disconnect()
      const outcome = await Promise.race([pending, sleep(2_000)])
      expect(outcome).not.toBe('still pending')
      expect(code(outcome as Outcome)).toBe(4900)
      // The signer gave up the device call at once.
      expect(dapp.statuses.map((status) => status.type)).toEqual(['confirm-on-device', 'error'])
      expect(dapp.statuses.at(-1)).toMatchObject({ error: { name: 'OperationAbortedError' } })
      if (device === 'trezor') {
        // Connect's cancel reached the device and ended its review.
        await sleep(100)
        expect(dapp.emulator.exchanges.at(-1)).toMatchObject({
          request: 'Cancel',
          response: expect.stringContaining('Failure_ActionCancelled'),
        })
      }
      // The person approves afterwards (a Ledger app keeps its screen: an APDU cannot be
      // cancelled): the signature goes nowhere.
      person.decide('approve')
      await sleep(300)
      expect(dapp.emulator.reviews.map((review) => review.outcome)).toEqual([
        device === 'ledger' ? 'approved' : 'pending',
      ])
      expect(dapp.nodes[1].state.sent).toEqual([])
      expect(dapp.nodes[1].state.requests.map((r) => r.method)).not.toContain(
        'eth_sendRawTransaction',
      )
      // The app can connect again and sign.
      await dapp.attempt('eth_requestAccounts')
      const signature = await dapp.attempt('personal_sign', ['0x68656c6c6f', from])
      expect(signature).toEqual({ result: await reference.signMessage({ message: 'hello' }) })
    })

    test('wallet_revokePermissions while the device waits: 4100, nothing delivered', async () => {
      const person = deferredUser()
      const dapp = await connected({ user: person.user })
      const delivered: unknown[] = []
      const pending = dapp.attempt('personal_sign', ['0x68656c6c6f', from]).then((outcome) => {
        delivered.push(outcome)
        return outcome
      })
      await person.waiting
      await dapp.attempt('wallet_revokePermissions', [{ eth_accounts: {} }])
      expect(code(await pending)).toBe(4100)
      person.decide('approve')
      await sleep(300)
      expect(delivered).toHaveLength(1)
      expect(await dapp.attempt('eth_accounts')).toEqual({ result: [] })
    })

    test('disconnect in the middle of an EIP-712 exchange: 4900, the device serves the next request', async () => {
      const dapp = await connected()
      dapp.emulator.setLatency(20)
      const pending = dapp.attempt('eth_signTypedData_v4', [
        from,
        typedData(
          {
            Mail: [
              { name: 'contents', type: 'string' },
              { name: 'amount', type: 'uint256' },
            ],
          },
          'Mail',
          { contents: 'hello', amount: '1' },
        ),
      ])
      while (dapp.emulator.exchanges.length < 3) await sleep(5)
      await dapp.provider.disconnect()
      expect(code(await pending)).toBe(4900)
      expect(dapp.emulator.reviews.filter((r) => r.outcome === 'approved')).toEqual([])
      dapp.emulator.setLatency(0)
      await sleep(100)
      await dapp.attempt('eth_requestAccounts')
      expect(await dapp.attempt('personal_sign', ['0x68656c6c6f', from])).toEqual({
        result: await reference.signMessage({ message: 'hello' }),
      })
    })
  })

  describe('hostile typed data (holds)', () => {
    test('prototype keys are plain names: signed as viem hashes them, no prototype touched', async () => {
      const dapp = await connected()
      const attacks = [
        [
          JSON.parse(
            '{"M":[{"name":"__proto__","type":"string"},{"name":"constructor","type":"string"}]}',
          ),
          'M',
          JSON.parse('{"__proto__":"polluted?","constructor":"b"}'),
        ],
        [{ constructor: [{ name: 'toString', type: 'uint8' }] }, 'constructor', { toString: 1 }],
        [JSON.parse('{"__proto__":[{"name":"a","type":"uint8"}]}'), '__proto__', { a: 1 }],
      ] as const
      for (const [types, primaryType, message] of attacks) {
        const data = JSON.stringify(typedData(types, primaryType, message))
        const outcome = await dapp.attempt('eth_signTypedData_v4', [from, data])
        expect(outcome).toEqual({ result: await reference.signTypedData(JSON.parse(data)) })
      }
      expect(({} as Record<string, unknown>).a).toBeUndefined()
      expect(Object.prototype.toString.call([])).toBe('[object Array]')
      expect(dapp.emulator.reviews.map((review) => review.outcome)).toEqual([
        'approved',
        'approved',
        'approved',
      ])
    })

    test('cycles and 6,000-deep nesting: -32602 before the device, no stack overflow', async () => {
      const dapp = await connected()
      let deep: Record<string, unknown> = { v: 1 }
      for (let i = 0; i < 6_000; i++) deep = { n: deep, v: 1 }
      const cyclic: Record<string, unknown> = { v: 1 }
      cyclic.n = cyclic
      const node = [
        { name: 'n', type: 'N' },
        { name: 'v', type: 'uint8' },
      ]
      await beforeTheDevice(dapp, async () => {
        for (const message of [deep, cyclic, { n: { n: {} } }]) {
          const outcome = await dapp.attempt('eth_signTypedData_v4', [
            from,
            typedData({ N: node }, 'N', message),
          ])
          expect(code(outcome)).toBe(-32602)
          expect(causeName(outcome)).toBe('InvalidRequestError')
        }
      })
    })

    test('integer and bytes edges: the bounds sign, one past them is -32602', async () => {
      const dapp = await connected()
      const field = (type: string) => ({ M: [{ name: 'a', type }] })
      const inBounds = [
        ['uint256', (2n ** 256n - 1n).toString()],
        ['int8', -128],
        ['int256', (-(2n ** 255n)).toString()],
        ['bytes32', `0x${'ff'.repeat(32)}`],
        ['bytes', '0x'],
      ] as const
      for (const [type, a] of inBounds) {
        const data = typedData(field(type), 'M', { a })
        expect(await dapp.attempt('eth_signTypedData_v4', [from, data])).toEqual({
          result: await reference.signTypedData(data as never),
        })
      }
      dapp.emulator.clearLogs()
      await beforeTheDevice(dapp, async () => {
        for (const [type, a] of [
          ['uint256', (2n ** 256n).toString()],
          ['uint8', -1],
          ['int8', 128],
          ['int256', (-(2n ** 255n) - 1n).toString()],
          ['bytes32', `0x${'ff'.repeat(33)}`],
          ['bytes2', '0x12'],
          ['bytes', '0xabc'],
          ['address', '0x12'],
          ['uint7', 1],
        ] as const) {
          const outcome = await dapp.attempt('eth_signTypedData_v4', [
            from,
            typedData(field(type), 'M', { a }),
          ])
          expect([type, a, code(outcome)]).toEqual([type, a, -32602])
        }
      })
    })

    test('a domain for another chain is -32602 before the device', async () => {
      const dapp = await connected()
      await beforeTheDevice(dapp, async () => {
        for (const chainId of [137, '0x89', '137', 0, -1, 2 ** 53]) {
          const data = typedData({ M: [{ name: 'a', type: 'uint8' }] }, 'M', { a: 1 })
          const outcome = await dapp.attempt('eth_signTypedData_v4', [
            from,
            { ...data, domain: { ...data.domain, chainId } },
          ])
          expect([chainId, code(outcome)]).toEqual([chainId, -32602])
        }
      })
    })
  })

  describe('signatures are verified against the account (holds)', () => {
    test('tampered r or s, wrong key, wrong parity: -32603, nothing delivered or sent', async () => {
      const dapp = await connected()
      for (const fault of [
        { type: 'corrupt-signature', part: 'r' },
        { type: 'corrupt-signature', part: 's' },
        { type: 'wrong-key' },
        { type: 'wrong-v' },
      ] as const) {
        dapp.emulator.injectFault(fault)
        const outcome = await dapp.attempt('personal_sign', ['0x68656c6c6f', from])
        expect([fault, code(outcome), causeName(outcome)]).toEqual([
          fault,
          -32603,
          'SignatureMismatchError',
        ])
        dapp.emulator.injectFault(fault)
        const sent = await dapp.attempt('eth_sendTransaction', [{ from, to, value: '0x1' }])
        expect([fault, code(sent), causeName(sent)]).toEqual([
          fault,
          -32603,
          'SignatureMismatchError',
        ])
      }
      expect(dapp.nodes[1].state.sent).toEqual([])
    })

    test('a replayed or high-s signature from the device is refused', async () => {
      const dapp = await connected()
      const { signer } = dapp.account
      const previous = await signer.signMessage({ path: dapp.account.path, message: '0x00' })
      const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
      const tampered = (answer: (real: DeviceSignature) => DeviceSignature): HardwareSigner => ({
        ...signer,
        signMessage: async (request) => answer(await signer.signMessage(request)),
      })
      for (const [name, answer] of [
        ['replayed', () => previous],
        [
          'high-s',
          (real: DeviceSignature) => ({
            r: real.r,
            s: `0x${(n - BigInt(real.s)).toString(16).padStart(64, '0')}` as Hex,
            yParity: (1 - real.yParity) as 0 | 1,
          }),
        ],
      ] as const) {
        const account = await toHardwareAccount(tampered(answer), { path: dapp.account.path })
        const provider = createHardwareProvider({
          account,
          chains: [mainnet],
          transport: dapp.nodes[1].transport,
        })
        await provider.request({ method: 'eth_requestAccounts' })
        const error = await provider
          .request({ method: 'personal_sign', params: ['0x68656c6c6f', from] })
          .then(
            () => undefined,
            (error) => error,
          )
        expect([name, error?.code, error?.cause?.name]).toEqual([
          name,
          -32603,
          'SignatureMismatchError',
        ])
      }
    })
  })

  describe('calldata and token addresses (holds)', () => {
    test("USDC's mainnet address on chain 137 is not shown as USDC", async () => {
      const dapp = await connected({ blindSigning: 'refuse' })
      await dapp.attempt('wallet_switchEthereumChain', [{ chainId: '0x89' }])
      const outcome = await dapp.attempt('eth_signTransaction', [
        { from, to: usdc, data: transfer },
      ])
      if (device === 'ledger') {
        // No Ledger descriptor for this address on chain 137: blind, so refused before the device.
        expect([code(outcome), causeName(outcome)]).toEqual([4001, 'BlindSigningRefusedError'])
        expect(requestsToDevice(dapp)).toEqual([])
      } else {
        const signed = parseTransaction((outcome as { result: Hex }).result)
        expect(signed.chainId).toBe(137)
      }
      expect(shown(dapp)).not.toContain('USDC')
      // The same call on chain 1 is USDC.
      await dapp.attempt('wallet_switchEthereumChain', [{ chainId: '0x1' }])
      dapp.emulator.clearLogs()
      if (device === 'ledger') {
        expect(
          code(await dapp.attempt('eth_signTransaction', [{ from, to: usdc, data: transfer }])),
        ).toBe('ok')
        expect(shown(dapp)).toContain('1 USDC')
      }
    })

    test('trailing calldata after an ERC-20 transfer is blind: refused before the device', async () => {
      const dapp = await connected({ blindSigning: 'refuse' })
      await beforeTheDevice(dapp, async () => {
        for (const data of [
          `${transfer}00`,
          `${transfer}${'00'.repeat(32)}`,
          transfer.slice(0, -2),
        ]) {
          const outcome = await dapp.attempt('eth_signTransaction', [{ from, to: usdc, data }])
          expect([code(outcome), causeName(outcome)]).toEqual([4001, 'BlindSigningRefusedError'])
        }
      })
    })
  })

  describe('no network before connect (holds)', () => {
    test('creating the provider and reading its state touch neither the node nor the device', async () => {
      dapp = await createHostileDapp(device)
      const exchanges = dapp.emulator.exchanges.length
      for (const method of ['eth_accounts', 'eth_chainId', 'net_version', 'wallet_getPermissions'])
        expect(code(await dapp.attempt(method))).toBe('ok')
      expect(await dapp.attempt('eth_accounts')).toEqual({ result: [] })
      expect(code(await dapp.attempt('personal_sign', ['0x00', from]))).toBe(4100)
      expect(dapp.nodes[1].state.requests).toEqual([])
      expect(dapp.nodes[137].state.requests).toEqual([])
      expect(dapp.emulator.exchanges.length).toBe(exchanges)
      expect(dapp.emulator.blockedRequests ?? []).toEqual([])
    })
  })
})
