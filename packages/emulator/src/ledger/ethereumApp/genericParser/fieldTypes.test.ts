import { encodeAbiParameters, getAddress, type Hex, hexToBytes, parseAbiParameters } from 'viem'
import { describe, expect, test } from 'vitest'
import { encodeTestField, type TestField, type TestValue } from '../../pki/testDescriptors.js'
import { createTokenSlots, storeToken, type TokenSlots } from '../tokenSlots.js'
import { type FieldContext, formatField } from './field.js'

const contract = '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45'
const signer = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
const azuki = '0xED5AF388653567Af2F388E6224dC7C4b3241C544'
const eth = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE'
const placeholder = '0x0000000000000000000000000000000000000001'
const recipient = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955'

function context(args: Hex, tokens: TokenSlots = createTokenSlots(), chainId = 1n): FieldContext {
  return {
    args: hexToBytes(args),
    from: hexToBytes(signer),
    to: hexToBytes(contract),
    amount: 0n,
    chainId,
    tokens,
    enums: [],
    selector: hexToBytes('0x12345678'),
  }
}

const word = (offset: number, family: TestValue['type_family'] = 'UINT'): TestValue => ({
  type: 'path',
  type_family: family,
  type_size: family === 'ADDRESS' ? 20 : 32,
  binary_path: {
    type: 'DATA',
    elements: [
      { type: 'TUPLE', offset },
      { type: 'LEAF', leaf_type: 'STATIC_LEAF' },
    ],
  },
})

const show = (field: TestField, args: Hex, tokens?: TokenSlots, chainId?: bigint) =>
  formatField(hexToBytes(encodeTestField(field)), context(args, tokens, chainId)).map(
    (s) => s.value,
  )

const refused = (run: () => unknown) =>
  expect(run).toThrow(expect.objectContaining({ statusWord: 0x6a80 }))

function slotsWith(...assets: Parameters<typeof storeToken>[1][]): TokenSlots {
  const slots = createTokenSlots()
  for (const asset of assets) storeToken(slots, asset)
  return slots
}

const usdcSlot = { address: usdc, ticker: 'USDC', decimals: 6, chainId: 1n } as const
const azukiSlot = {
  address: azuki,
  ticker: 'Azuki',
  decimals: 0,
  chainId: 1n,
  collectionName: 'Azuki',
} as const

describe('UNIT fields (gtp_param_unit.c)', () => {
  const args = encodeAbiParameters(parseAbiParameters('uint256,uint256'), [1_500n, 30n])
  test('the value with its decimals, then the base', () => {
    expect(
      show({ label: 'Fee', param: { type: 'UNIT', value: word(0), base: '%', decimals: 2 } }, args),
    ).toEqual(['15 %'])
    expect(
      show({ label: 'Lock', param: { type: 'UNIT', value: word(1), base: 'h' } }, args),
    ).toEqual(['30 h'])
    expect(
      show(
        { label: 'Fee', param: { type: 'UNIT', value: word(0), base: 'bps', decimals: 3 } },
        args,
      ),
    ).toEqual(['1.5 bps'])
  })
  test('a base of 11 bytes or none is refused (0x6A80)', () => {
    refused(() =>
      show({ label: 'Fee', param: { type: 'UNIT', value: word(0), base: 'abcdefghijk' } }, args),
    )
    refused(() => show({ label: 'Fee', param: { type: 'UNIT', value: word(0), base: '' } }, args))
  })
})

describe('TOKEN fields (gtp_param_token.c)', () => {
  const args = encodeAbiParameters(parseAbiParameters('address,address,address'), [
    usdc,
    eth,
    azuki,
  ])
  const token = (offset: number): TestField => ({
    label: 'Token',
    param: { type: 'TOKEN', value: word(offset, 'ADDRESS'), nativeCurrency: [eth] },
  })
  test('the ticker of an accepted ERC-20 descriptor, the network unit for native currency', () => {
    expect(show(token(0), args, slotsWith(usdcSlot))).toEqual(['USDC'])
    expect(show(token(1), args)).toEqual(['ETH'])
    expect(show(token(1), args, undefined, 137n)).toEqual(['POL'])
  })
  test('a token without a descriptor is refused (0x6A80)', () => {
    refused(() => show(token(0), args))
    refused(() => show(token(2), args, slotsWith(usdcSlot)))
  })
})

describe('NETWORK fields (gtp_param_network.c)', () => {
  const chainIdContainer: TestValue = {
    type: 'path',
    type_family: 'UINT',
    type_size: 8,
    binary_path: { type: 'CONTAINER', value: 'CHAIN_ID' },
  }
  const constant = (value: Hex): TestValue => ({ type: 'constant', type_family: 'UINT', value })
  test("the network's name, or its chain id when the app does not know it", () => {
    const args = '0x' as Hex
    const network = (value: TestValue): TestField => ({
      label: 'Network',
      param: { type: 'NETWORK', value },
    })
    expect(show(network(chainIdContainer), args, undefined, 8453n)).toEqual(['Base'])
    expect(show(network(constant('0x000000000000a4b1')), args)).toEqual(['Arbitrum One'])
    expect(show(network(constant('0x0000000000bc614e')), args)).toEqual(['12345678'])
  })
  test('a 32-byte calldata word, chain id 0 or a non-uint value is refused (0x6A80)', () => {
    const args = encodeAbiParameters(parseAbiParameters('uint256'), [1n])
    const network = (value: TestValue): TestField => ({
      label: 'Network',
      param: { type: 'NETWORK', value },
    })
    refused(() => show(network(word(0)), args))
    refused(() => show(network(constant('0x0000000000000000')), '0x'))
    refused(() =>
      show(network({ type: 'constant', type_family: 'BYTES', value: '0x0000000000000001' }), '0x'),
    )
  })
})

describe('NFT fields (gtp_param_nft.c)', () => {
  const args = encodeAbiParameters(parseAbiParameters('address,uint256,uint256[]'), [
    azuki,
    4_242n,
    [1n, 2n],
  ])
  const nft = (value: TestValue): TestField => ({
    label: 'NFT',
    param: { type: 'NFT', value, collection: word(0, 'ADDRESS') },
  })
  test('"<collection> #<id>" from the collection PROVIDE NFT INFORMATION gave', () => {
    expect(show(nft(word(1)), args, slotsWith(usdcSlot, azukiSlot))).toEqual(['Azuki #4242'])
  })
  test('one collection serves every id', () => {
    const ids: TestValue = {
      type: 'path',
      type_family: 'UINT',
      type_size: 32,
      binary_path: {
        type: 'DATA',
        elements: [
          { type: 'TUPLE', offset: 2 },
          { type: 'REF' },
          { type: 'ARRAY', weight: 1 },
          { type: 'LEAF', leaf_type: 'STATIC_LEAF' },
        ],
      },
    }
    expect(show(nft(ids), args, slotsWith(azukiSlot))).toEqual(['Azuki #1', 'Azuki #2'])
  })
  test('a collection the host did not provide is refused (0x6A80)', () => {
    refused(() => show(nft(word(1)), args, slotsWith(usdcSlot)))
  })
})

describe('TRUSTED_NAME fields (gtp_param_trusted_name.c)', () => {
  const args = encodeAbiParameters(parseAbiParameters('address,address'), [recipient, placeholder])
  const name = (offset: number, extra: Partial<TestField> = {}): TestField => ({
    label: 'To',
    param: {
      type: 'TRUSTED_NAME',
      value: word(offset, 'ADDRESS'),
      types: ['eoa'],
      sources: ['ens'],
      senderAddresses: [placeholder],
    },
    ...extra,
  })
  test('without a verified name, the checksummed address (never a name)', () => {
    expect(show(name(0), args)).toEqual([getAddress(recipient)])
  })
  test("the sender placeholder becomes the signer's address", () => {
    expect(show(name(1), args)).toEqual([signer])
  })
  test('MUST_BE hides an allowed address and refuses another; IF_NOT_IN hides a listed one', () => {
    const allowed = { constraints: [recipient.toLowerCase() as Hex] }
    expect(show(name(0, { visible: 'mustBe', ...allowed }), args)).toEqual([])
    refused(() => show(name(1, { visible: 'mustBe', ...allowed }), args))
    expect(show(name(0, { visible: 'ifNotIn', ...allowed }), args)).toEqual([])
    expect(show(name(1, { visible: 'ifNotIn', ...allowed }), args)).toEqual([signer])
  })
  test('more than 6 types is refused (0x6A80)', () => {
    const field = name(0)
    const types = ['eoa', 'eoa', 'eoa', 'eoa', 'eoa', 'eoa', 'eoa']
    refused(() => show({ ...field, param: { ...field.param, types } as TestField['param'] }, args))
  })
})
