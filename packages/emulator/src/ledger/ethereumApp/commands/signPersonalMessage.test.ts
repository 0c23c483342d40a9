import { Buffer } from 'buffer'
import { type Hex, hexToBytes, keccak256, serializeSignature } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { createEth, denyNetwork } from '../../_test/testUtils.js'
import { createLedgerEmulator } from '../../createLedgerEmulator.js'
import type { LedgerModel } from '../../types.js'

beforeEach(denyNetwork)

const account = mnemonicToAccount(testMnemonic, { path: "m/44'/60'/0'/0/2" })

async function signMessage(message: Uint8Array) {
  const emulator = createLedgerEmulator()
  const { v, r, s } = await createEth(emulator).signPersonalMessage(
    "44'/60'/0'/0/2",
    Buffer.from(message).toString('hex'),
  )
  return {
    emulator,
    signature: serializeSignature({ r: `0x${r}`, s: `0x${s}`, v: BigInt(v) }) as Hex,
  }
}

test('signs a text message like viem and shows it', async () => {
  const { emulator, signature } = await signMessage(new TextEncoder().encode('Hello Airlock'))
  expect(signature).toBe(await account.signMessage({ message: 'Hello Airlock' }))
  expect(emulator.reviews.at(-1)).toEqual({
    operation: 'message',
    screens: [{ title: 'Message', value: 'Hello Airlock' }],
    outcome: 'approved',
  })
})

test('signs a long binary message over several chunks and shows hex', async () => {
  const raw = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) & 0xff)
  const { emulator, signature } = await signMessage(raw)
  expect(signature).toBe(await account.signMessage({ message: { raw } }))
  expect(emulator.exchanges).toHaveLength(5)
  expect(emulator.reviews.at(-1)?.screens[0]?.value).toBe(`0x${Buffer.from(raw).toString('hex')}`)
})

test('answers 0x6985 when the user rejects on the message screen', async () => {
  const emulator = createLedgerEmulator({
    user: (screen) => (screen.title === 'Message' ? 'reject' : 'approve'),
  })
  await expect(
    createEth(emulator).signPersonalMessage("44'/60'/0'/0/0", Buffer.from('no').toString('hex')),
  ).rejects.toMatchObject({ statusCode: 0x6985 })
})

// cmd_sign_message.c `final_process`: text only when every byte is isprint or isspace.
describe('shows text only when every byte is printable ASCII or whitespace, else 0x and hex', () => {
  const encode = (text: string) => new TextEncoder().encode(text)
  const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`
  const shown = async (bytes: Uint8Array, model?: LedgerModel) => {
    const emulator = createLedgerEmulator({ model })
    await createEth(emulator).signPersonalMessage(
      "44'/60'/0'/0/2",
      Buffer.from(bytes).toString('hex'),
    )
    return emulator.reviews.at(-1)?.screens[0]?.value
  }

  test.each([
    ['a 32-byte hash', hexToBytes(keccak256(encode('safe tx')))],
    ['accented UTF-8', encode('héllo wörld')],
    ['a right-to-left override', encode('pay \u202Eevil')],
    ['an escape byte', encode('a\u001bb')],
    ['a NUL byte', Uint8Array.of(0x61, 0x00)],
  ])('%s shows as hex', async (_, bytes) => {
    expect(await shown(bytes)).toBe(hex(bytes))
  })

  test('every C whitespace (\\t \\n \\v \\f \\r) keeps the text: as is on Stax, as spaces on Nano', async () => {
    const text = 'a\tb\nc\vd\fe\rf ~'
    expect(await shown(encode(text), 'stax')).toBe(text)
    expect(await shown(encode(text), 'nanoSP')).toBe('a b c d e f ~')
  })
})
