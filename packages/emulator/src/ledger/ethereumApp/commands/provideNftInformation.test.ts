import { Buffer } from 'buffer'
import { type Hex, hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { calPublicKeyOf } from '../../cal/calKey.js'
import { signNftInformation } from '../../cal/nftInformation.js'
import { createLedgerEmulator, type LedgerEmulator } from '../../createLedgerEmulator.js'
import { issueTestCertificate, testPublicKeyOf } from '../../pki/testPki.js'

const nftKey = '0x5151515151515151515151515151515151515151515151515151515151515151'
const otherKey = '0x5252525252525252525252525252525252525252525252525252525252525252'
const rootKey = '0x5353535353535353535353535353535353535353535353535353535353535353'
const azuki = {
  collectionName: 'Azuki',
  address: '0xED5AF388653567Af2F388E6224dC7C4b3241C544',
  chainId: 1,
} as const

function emulatorWith(key: Hex = nftKey): LedgerEmulator {
  return createLedgerEmulator({
    model: 'stax',
    nftPublicKey: calPublicKeyOf(key),
    pkiRootPublicKey: testPublicKeyOf(rootKey),
  })
}

async function provide(emulator: LedgerEmulator, payload: Hex | Uint8Array): Promise<string> {
  const bytes = typeof payload === 'string' ? hexToBytes(payload) : payload
  const answer = await emulator.transport.send(
    0xe0,
    0x14,
    0x00,
    0x00,
    Buffer.from(bytes),
    [0x9000, 0x6a80],
  )
  return answer.toString('hex')
}

async function loadCertificate(emulator: LedgerEmulator, keyUsage: number, key: Hex) {
  const certificate = issueTestCertificate({
    rootPrivateKey: rootKey,
    privateKey: key,
    keyUsage,
    name: 'nft',
    model: 'stax',
  })
  await emulator.transport.send(0xb0, 0x06, keyUsage, 0x00, Buffer.from(hexToBytes(certificate)))
}

describe('PROVIDE NFT INFORMATION (E0 14)', () => {
  test("a payload signed with the app's NFT key is stored; the app answers the slot index", async () => {
    const emulator = emulatorWith()
    expect(await provide(emulator, signNftInformation(nftKey, azuki))).toBe('009000')
    expect(
      await provide(emulator, signNftInformation(nftKey, { ...azuki, collectionName: 'Other' })),
    ).toBe('019000')
  })

  test('another key, a flipped byte, an unknown chain or the staging key id is refused (0x6A80)', async () => {
    const emulator = emulatorWith()
    expect(await provide(emulator, signNftInformation(otherKey, azuki))).toBe('6a80')
    const payload = hexToBytes(signNftInformation(nftKey, azuki))
    for (const at of [3, 10, 30, payload.length - 5]) {
      const tampered = payload.slice()
      tampered[at]! ^= 0x01
      expect(await provide(emulator, tampered)).toBe('6a80')
    }
    expect(
      await provide(emulator, signNftInformation(nftKey, { ...azuki, chainId: 999_999 })),
    ).toBe('6a80')
    const staging = payload.slice()
    staging[3 + azuki.collectionName.length + 28] = 0
    expect(await provide(emulator, staging)).toBe('6a80')
  })

  test('a loaded NFT_METADATA certificate decides; one of another usage falls back to the key', async () => {
    const emulator = emulatorWith()
    await loadCertificate(emulator, 0x03, otherKey)
    expect(await provide(emulator, signNftInformation(nftKey, azuki))).toBe('6a80')
    await loadCertificate(emulator, 0x03, otherKey)
    expect(await provide(emulator, signNftInformation(otherKey, azuki))).toBe('009000')
    await loadCertificate(emulator, 0x0b, otherKey)
    expect(await provide(emulator, signNftInformation(otherKey, azuki))).toBe('6a80')
    // The refusal reset the app's context, its asset slots with it.
    expect(await provide(emulator, signNftInformation(nftKey, azuki))).toBe('009000')
  })
})
