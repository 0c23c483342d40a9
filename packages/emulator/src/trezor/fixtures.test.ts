import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTrezorEmulator, type TrezorEmulator } from './createTrezorEmulator.js'

// trezor-firmware common/tests/fixtures/ethereum (GPL-3.0 test data, so not in this repository):
// our machines and CI keep a copy in ../shared/vectors (see its README); elsewhere, point
// AIRLOCK_TREZOR_VECTORS at a checkout's `common/tests/fixtures/ethereum/`.
const dir = process.env.AIRLOCK_TREZOR_VECTORS
  ? `${process.env.AIRLOCK_TREZOR_VECTORS.replace(/\/?$/, '/')}`
  : fileURLToPath(new URL('../../../../../shared/vectors/trezor-firmware/', import.meta.url))
const vectorsFound = existsSync(`${dir}getaddress.json`)

type Fixture = {
  setup: { mnemonic: string; passphrase: string }
  tests: { name?: string; parameters: Record<string, any>; result: Record<string, any> }[]
}
const load = (file: string): Fixture => JSON.parse(readFileSync(`${dir}${file}`, 'utf8'))
const all = 'all all all all all all all all all all all all'
const alcohol = 'alcohol woman abuse must during monitor noble actual mixed trade anger aisle'
const nameOf = (file: string, t: Fixture['tests'][number]) =>
  `${file} ${t.name ?? t.parameters.path ?? t.parameters.msg ?? ''}`.slice(0, 90)

// `describe.skip` would still run the suite's body, which reads the vectors: register no suite at all.
if (vectorsFound) describe('trezor-firmware Ethereum fixtures through real Connect', fixtureSuite)
else {
  console.warn(
    `\n  trezor-firmware vectors not found at ${dir}: their tests are skipped.\n  Set AIRLOCK_TREZOR_VECTORS to trezor-firmware's common/tests/fixtures/ethereum/ to run them.\n`,
  )
  test.skip(`trezor-firmware Ethereum fixtures — skipped: no vectors at ${dir}`)
}

function fixtureSuite() {
  const emulators = {} as Record<'all' | 'alcohol' | 'allT1B1', TrezorEmulator>
  beforeAll(async () => {
    ;[emulators.all, emulators.alcohol, emulators.allT1B1] = await Promise.all([
      createTrezorEmulator({ mnemonic: all, model: 'T3T1' }),
      createTrezorEmulator({ mnemonic: alcohol, model: 'T2T1' }),
      createTrezorEmulator({ mnemonic: all, model: 'T1B1' }),
    ])
  })
  afterAll(async () => {
    await Promise.all(Object.values(emulators).map((emulator) => emulator.dispose()))
  })
  const emulatorFor = (fixture: Fixture) =>
    fixture.setup.mnemonic === all ? emulators.all : emulators.alcohol

  for (const file of ['getaddress.json', 'getaddress.at-6ee176c.json']) {
    const fixture = load(file)
    for (const t of fixture.tests) {
      test(nameOf(file, t), async () => {
        const result = await emulatorFor(fixture).connect.ethereumGetAddress({
          path: t.parameters.path,
          showOnTrezor: false,
        })
        expect(result.success && result.payload.address).toBe(t.result.address)
      })
    }
  }

  {
    const fixture = load('getpublickey.json')
    for (const t of fixture.tests) {
      test(nameOf('getpublickey.json', t), async () => {
        const result = await emulatorFor(fixture).connect.ethereumGetPublicKey({
          path: t.parameters.path,
        })
        if (!result.success) throw new Error(result.payload.error)
        expect({
          fingerprint: result.payload.fingerprint,
          child_num: result.payload.childNum,
          chain_code: result.payload.chainCode,
          public_key: result.payload.publicKey,
          xpub: result.payload.xpub,
        }).toEqual(t.result)
      })
    }
  }

  for (const file of ['sign_tx.json', 'sign_tx_erc20.json', 'sign_tx_eip155.json']) {
    const fixture = load(file)
    for (const t of fixture.tests) {
      const p = t.parameters
      if (!Number.isSafeInteger(p.chain_id)) {
        test.skip(
          `${nameOf(file, t)} — skipped: chain id above 2^53, Connect 9.7.3 carries it as a JS number`,
        )
        continue
      }
      test(nameOf(file, t), async () => {
        const result = await emulatorFor(fixture).connect.ethereumSignTransaction({
          path: p.path,
          transaction: {
            to: p.to_address || null,
            value: p.value,
            gasPrice: p.gas_price,
            gasLimit: p.gas_limit,
            nonce: p.nonce,
            chainId: p.chain_id,
            data: p.data ? `0x${p.data}` : undefined,
            txType: p.tx_type ?? undefined,
          },
        })
        if (!result.success) throw new Error(result.payload.error)
        // The fixtures hold the full EIP-155 v; above maxChainIdWithFullV the device returns the
        // parity and the host (here Connect) computes it.
        expect(result.payload).toMatchObject({
          v: `0x${t.result.sig_v.toString(16)}`,
          r: `0x${t.result.sig_r}`,
          s: `0x${t.result.sig_s}`,
        })
      })
    }
  }

  {
    const fixture = load('sign_tx_eip1559.json')
    for (const t of fixture.tests) {
      const p = t.parameters
      test(nameOf('sign_tx_eip1559.json', t), async () => {
        const result = await emulatorFor(fixture).connect.ethereumSignTransaction({
          path: p.path,
          transaction: {
            to: p.to_address || null,
            value: p.value,
            gasLimit: p.gas_limit,
            maxFeePerGas: p.max_gas_fee,
            maxPriorityFeePerGas: p.max_priority_fee,
            nonce: p.nonce,
            chainId: p.chain_id,
            data: p.data ? `0x${p.data}` : undefined,
            accessList: p.access_list,
          },
        })
        if (!result.success) throw new Error(result.payload.error)
        expect(result.payload).toMatchObject({
          v: `0x${t.result.sig_v.toString(16)}`,
          r: `0x${t.result.sig_r}`,
          s: `0x${t.result.sig_s}`,
        })
      })
    }
  }

  {
    const fixture = load('signmessage.json')
    for (const t of fixture.tests) {
      test(nameOf('signmessage.json', t), async () => {
        const result = await emulatorFor(fixture).connect.ethereumSignMessage({
          path: t.parameters.path,
          message: t.parameters.msg,
        })
        if (!result.success) throw new Error(result.payload.error)
        expect(result.payload).toEqual({ address: t.result.address, signature: t.result.sig })
      })
    }
  }

  {
    const fixture = load('sign_typed_data.json')
    for (const t of fixture.tests) {
      const p = t.parameters
      test(nameOf('sign_typed_data.json', t), async () => {
        const result = await emulators.all.connect.ethereumSignTypedData({
          path: p.path,
          data: p.data,
          metamask_v4_compat: p.metamask_v4_compat,
          // Connect sends its `message_hash` to the device when `show_message_hash` is true.
          ...(p.show_message_hash
            ? {
                show_message_hash: true,
                domain_separator_hash: p.domain_separator_hash,
                message_hash: p.message_hash,
              }
            : {}),
        })
        if (!result.success) throw new Error(result.payload.error)
        expect(result.payload).toEqual({ address: t.result.address, signature: t.result.sig })
      })
      test(`${nameOf('sign_typed_data.json', t)} (Model One, hashes)`, async () => {
        const result = await emulators.allT1B1.connect.ethereumSignTypedData({
          path: p.path,
          data: p.data,
          metamask_v4_compat: p.metamask_v4_compat,
          domain_separator_hash: p.domain_separator_hash,
          ...(p.message_hash ? { message_hash: p.message_hash } : {}),
        })
        if (!result.success) throw new Error(result.payload.error)
        expect(result.payload).toEqual({ address: t.result.address, signature: t.result.sig })
      })
    }
  }

  for (const file of ['sign_tx_error.json']) {
    for (const t of load(file).tests) {
      test.skip(`${nameOf(file, t)} — skipped: firmware clear-signing rejections are not emulated`)
    }
  }
  for (const file of [
    'sign_auth_eip7702.json',
    'sign_auth_eip7702_errors.json',
    'sign_tx_eip7702_mainnet.json',
  ]) {
    for (const t of load(file).tests) {
      test.skip(`${nameOf(file, t)} — skipped: EIP-7702 is not exposed by Connect 9.7.3`)
    }
  }
}
