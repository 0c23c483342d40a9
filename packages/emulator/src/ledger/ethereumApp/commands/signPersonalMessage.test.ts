import { Buffer } from 'buffer'
import { type Hex, serializeSignature } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { createEth, denyNetwork } from '../../_test/testUtils.js'
import { createLedgerEmulator } from '../../createLedgerEmulator.js'

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
