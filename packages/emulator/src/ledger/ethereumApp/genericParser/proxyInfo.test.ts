import {
  clearSigningTokens,
  delegationManager,
  delegationManagerProxy,
  testClearSigningKeys as keys,
  lendingPool,
} from '@airlock/fixtures/clearSigningContracts'
import { Buffer } from 'buffer'
import {
  type Abi,
  encodeFunctionData,
  type Hex,
  hexToBytes,
  parseAbi,
  parseGwei,
  parseUnits,
  serializeTransaction,
} from 'viem'
import { beforeEach, describe, expect, test } from 'vitest'
import { denyNetwork, pathBytes } from '../../_test/testUtils.js'
import { createLedgerEmulator, type LedgerEmulator } from '../../createLedgerEmulator.js'
import { signTestCalldataDescriptor } from '../../pki/testDescriptors.js'
import { issueTestCertificate, testPublicKeyOf } from '../../pki/testPki.js'
import { signTestProxyInfo, type TestProxyInfo } from '../../pki/testProxyInfo.js'

beforeEach(denyNetwork)

const newOwner = '0x2222222222222222222222222222222222222222'
const transferOwnership = delegationManager.functions[0]!
const data = encodeFunctionData({
  abi: parseAbi([transferOwnership.signature]) as Abi,
  functionName: 'transferOwnership',
  args: [newOwner],
})
const proxyCall = serializeTransaction({
  type: 'eip1559',
  chainId: 1,
  nonce: 1,
  maxFeePerGas: parseGwei('30'),
  maxPriorityFeePerGas: parseGwei('1'),
  gas: 60_000n,
  to: delegationManagerProxy.proxy,
  value: 0n,
  data,
})
const descriptor = signTestCalldataDescriptor(delegationManager, transferOwnership, keys.calldata)

function emulator(): LedgerEmulator {
  return createLedgerEmulator({ model: 'flex', pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot) })
}

function certificate(usage: 'trustedName' | 'calldata', signer: Hex = keys[usage]): Uint8Array {
  const keyUsage = usage === 'calldata' ? 0x0b : 0x04
  return hexToBytes(
    issueTestCertificate({
      rootPrivateKey: keys.pkiRoot,
      privateKey: signer,
      keyUsage,
      name: usage,
      model: 'flex',
    }),
  )
}

async function exchange(device: LedgerEmulator, header: number[], bytes: Uint8Array) {
  const response = await device.transport.exchange(Buffer.from([...header, bytes.length, ...bytes]))
  return { data: response.subarray(0, -2), sw: response.readUInt16BE(response.length - 2) }
}

async function sendTlv(device: LedgerEmulator, ins: number, payload: Hex): Promise<number> {
  const body = hexToBytes(payload)
  const bytes = Buffer.concat([Buffer.from([body.length >> 8, body.length & 0xff]), body])
  let sw = 0
  for (let offset = 0; offset < bytes.length; offset += 255) {
    const chunk = bytes.subarray(offset, offset + 255)
    ;({ sw } = await exchange(device, [0xe0, ins, offset === 0 ? 1 : 0, 0], chunk))
    if (sw !== 0x9000) return sw
  }
  return sw
}

async function challengeOf(device: LedgerEmulator): Promise<number> {
  return Buffer.from(
    (await exchange(device, [0xe0, 0x20, 0, 0], new Uint8Array())).data,
  ).readUInt32BE(0)
}

/**
 * DMK's order for a call to a proxy: GET CHALLENGE, the TRUSTED_NAME certificate, PROXY INFO; then
 * the transaction stored, the CALLDATA certificate, TRANSACTION INFO, the fields, the review.
 */
async function signThroughProxy(
  device: LedgerEmulator,
  info: (challenge: number) => Partial<TestProxyInfo>,
  options: { proxyCertificate?: Uint8Array; signer?: Hex } = {},
) {
  const challenge = await challengeOf(device)
  const proxyInfo = signTestProxyInfo(options.signer ?? keys.trustedName, {
    ...delegationManagerProxy,
    challenge,
    ...info(challenge),
  })
  const certificateSw = (
    await exchange(
      device,
      [0xb0, 0x06, 0x04, 0x00],
      options.proxyCertificate ?? certificate('trustedName'),
    )
  ).sw
  const proxySw = await sendTlv(device, 0x2a, proxyInfo)
  const stored = Buffer.concat([pathBytes("44'/60'/0'/0/0"), Buffer.from(hexToBytes(proxyCall))])
  await exchange(device, [0xe0, 0x04, 0x00, 0x01], stored)
  await exchange(device, [0xb0, 0x06, 0x0b, 0x00], certificate('calldata'))
  const { data: infoData, signatures } = descriptor.transaction_info.descriptor
  const length = (signatures.test.length / 2 - 1).toString(16).padStart(2, '0')
  const infoSw = await sendTlv(device, 0x26, `${infoData}81ff${length}${signatures.test.slice(2)}`)
  for (const field of descriptor.fields) await sendTlv(device, 0x28, field.descriptor)
  const review = await exchange(device, [0xe0, 0x04, 0x00, 0x02], new Uint8Array())
  return { certificateSw, proxySw, infoSw, reviewSw: review.sw }
}

describe('PROVIDE PROXY INFO (E0 2A)', () => {
  test("a call to a proxy shows the implementation's descriptor once the proxy info verifies", async () => {
    const device = emulator()
    const result = await signThroughProxy(device, () => ({}))
    expect(result).toEqual({
      certificateSw: 0x9000,
      proxySw: 0x9000,
      infoSw: 0x9000,
      reviewSw: 0x9000,
    })
    expect(device.reviews.at(-1)?.screens).toEqual([
      { title: 'Review transaction to', value: 'Transfer ownership' },
      { title: 'Interaction with', value: 'EigenLayer' },
      { title: 'New owner', value: newOwner },
      { title: 'Max fees', value: '0.0018 ETH' },
    ])
  })

  test("without proxy info the implementation's descriptor does not match the proxy (0x6A80)", async () => {
    const device = emulator()
    const stored = Buffer.concat([pathBytes("44'/60'/0'/0/0"), Buffer.from(hexToBytes(proxyCall))])
    await exchange(device, [0xe0, 0x04, 0x00, 0x01], stored)
    await exchange(device, [0xb0, 0x06, 0x0b, 0x00], certificate('calldata'))
    const { data: infoData, signatures } = descriptor.transaction_info.descriptor
    const length = (signatures.test.length / 2 - 1).toString(16).padStart(2, '0')
    expect(await sendTlv(device, 0x26, `${infoData}81ff${length}${signatures.test.slice(2)}`)).toBe(
      0x6a80,
    )
  })

  test('a payload without a challenge is accepted (the tag is optional to the app)', async () => {
    const device = emulator()
    const result = await signThroughProxy(device, () => ({ challenge: undefined }))
    expect([result.proxySw, result.infoSw, result.reviewSw]).toEqual([0x9000, 0x9000, 0x9000])
  })

  test('an old challenge is refused (0x6A80), and so the call does not match', async () => {
    const device = emulator()
    const result = await signThroughProxy(device, (challenge) => ({ challenge: challenge + 1 }))
    expect([result.proxySw, result.infoSw]).toEqual([0x6a80, 0x6a80])
  })

  test('the challenge rolls once a proxy info is checked, so a payload cannot be replayed', async () => {
    const device = emulator()
    const before = await challengeOf(device)
    expect(await challengeOf(device)).toBe(before)
    const payload = signTestProxyInfo(keys.trustedName, {
      ...delegationManagerProxy,
      challenge: before,
    })
    await exchange(device, [0xb0, 0x06, 0x04, 0x00], certificate('trustedName'))
    expect(await sendTlv(device, 0x2a, payload)).toBe(0x9000)
    expect(await challengeOf(device)).not.toBe(before)
    expect(await sendTlv(device, 0x2a, payload)).toBe(0x6a80)
  })

  test('a payload signed by another key is refused (0x6A80)', async () => {
    const device = emulator()
    const result = await signThroughProxy(device, () => ({}), { signer: keys.calldata })
    expect([result.proxySw, result.infoSw]).toEqual([0x6a80, 0x6a80])
  })

  test('a payload verified against a CALLDATA certificate is refused (wrong key usage, 0x6A80)', async () => {
    const device = emulator()
    const challenge = await challengeOf(device)
    const payload = signTestProxyInfo(keys.calldata, { ...delegationManagerProxy, challenge })
    await exchange(device, [0xb0, 0x06, 0x0b, 0x00], certificate('calldata'))
    expect(await sendTlv(device, 0x2a, payload)).toBe(0x6a80)
  })

  test('a tampered payload is refused (0x6A80)', async () => {
    const device = emulator()
    const challenge = await challengeOf(device)
    const payload = signTestProxyInfo(keys.trustedName, { ...delegationManagerProxy, challenge })
    const tampered = payload.replace(
      delegationManager.address.slice(2).toLowerCase(),
      '1111111111111111111111111111111111111111',
    ) as Hex
    expect(tampered).not.toBe(payload)
    await exchange(device, [0xb0, 0x06, 0x04, 0x00], certificate('trustedName'))
    expect(await sendTlv(device, 0x2a, tampered)).toBe(0x6a80)
  })

  test('a proxy info for another proxy, chain or function does not make the call match (0x6A80)', async () => {
    for (const other of [
      { proxy: '0x3333333333333333333333333333333333333333' as Hex },
      { chainId: 10 },
      { selector: '0x12345678' as Hex },
    ]) {
      const result = await signThroughProxy(emulator(), () => other)
      expect([result.proxySw, result.infoSw]).toEqual([0x9000, 0x6a80])
    }
  })

  test('a proxy info naming the called function matches', async () => {
    const result = await signThroughProxy(emulator(), () => ({
      selector: transferOwnership.selector,
    }))
    expect([result.proxySw, result.infoSw, result.reviewSw]).toEqual([0x9000, 0x9000, 0x9000])
  })

  test('the proxy info is forgotten once a review ends', async () => {
    const device = emulator()
    await signThroughProxy(device, () => ({}))
    const stored = Buffer.concat([pathBytes("44'/60'/0'/0/0"), Buffer.from(hexToBytes(proxyCall))])
    await exchange(device, [0xe0, 0x04, 0x00, 0x01], stored)
    await exchange(device, [0xb0, 0x06, 0x0b, 0x00], certificate('calldata'))
    const { data: infoData, signatures } = descriptor.transaction_info.descriptor
    const length = (signatures.test.length / 2 - 1).toString(16).padStart(2, '0')
    expect(await sendTlv(device, 0x26, `${infoData}81ff${length}${signatures.test.slice(2)}`)).toBe(
      0x6a80,
    )
  })

  test("enum values issued for the implementation name a proxy call's values", async () => {
    const implementation = '0x4444444444444444444444444444444444444444'
    const borrow = lendingPool.functions[1]!
    const described = signTestCalldataDescriptor(
      { ...lendingPool, address: implementation },
      borrow,
      keys.calldata,
    )
    const device = emulator()
    const challenge = await challengeOf(device)
    await exchange(device, [0xb0, 0x06, 0x04, 0x00], certificate('trustedName'))
    const proxyInfo = signTestProxyInfo(keys.trustedName, {
      chainId: 1,
      proxy: lendingPool.address,
      implementation,
      challenge,
    })
    expect(await sendTlv(device, 0x2a, proxyInfo)).toBe(0x9000)
    const serialized = serializeTransaction({
      type: 'eip1559',
      chainId: 1,
      nonce: 1,
      maxFeePerGas: parseGwei('30'),
      maxPriorityFeePerGas: parseGwei('1'),
      gas: 60_000n,
      to: lendingPool.address,
      value: 0n,
      data: encodeFunctionData({
        abi: parseAbi([borrow.signature]) as Abi,
        functionName: 'borrow',
        args: [clearSigningTokens[0]!.address, parseUnits('1', 6), 2n, 0, newOwner],
      }),
    })
    const stored = Buffer.concat([pathBytes("44'/60'/0'/0/0"), Buffer.from(hexToBytes(serialized))])
    await exchange(device, [0xe0, 0x04, 0x00, 0x01], stored)
    await exchange(device, [0xb0, 0x06, 0x0b, 0x00], certificate('calldata'))
    const signed = (entry: { data: Hex; signatures: { test: Hex } }) =>
      `${entry.data}81ff${(entry.signatures.test.length / 2 - 1).toString(16).padStart(2, '0')}${entry.signatures.test.slice(2)}` as Hex
    expect(await sendTlv(device, 0x26, signed(described.transaction_info.descriptor))).toBe(0x9000)
    for (const values of Object.values(described.enums))
      for (const entry of Object.values(values)) await sendTlv(device, 0x24, signed(entry))
    for (const field of described.fields)
      expect(await sendTlv(device, 0x28, field.descriptor)).toBe(0x9000)
    expect((await exchange(device, [0xe0, 0x04, 0x00, 0x02], new Uint8Array())).sw).toBe(0x9000)
    expect(device.reviews.at(-1)?.screens).toContainEqual({
      title: 'Interest rate mode',
      value: 'variable',
    })
  })
})
