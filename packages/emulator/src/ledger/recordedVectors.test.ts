/**
 * Replays APDU exchanges recorded from Speculos and real devices, shipped in
 * `@ledgerhq/hw-app-eth@7.9.0/tests`, and asserts the emulator answers byte for byte.
 * RFC 6979 makes the signatures deterministic, so the same seed gives the same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Buffer } from 'buffer'
import { describe, expect, test } from 'vitest'
import { createLedgerEmulator } from './createLedgerEmulator.js'

// Speculos' default seed (https://github.com/LedgerHQ/speculos, `--seed` default).
const speculosSeed =
  'glory promote mansion idle axis finger extra february uncover one trip resource lawn turtle enact monster seven myth punch hobby comfort wild raise skin'
// The BIP-39 test vector seed that the "older integration tests" device used.
const abandonSeed =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

const testsDir = join(
  dirname(createRequire(import.meta.url).resolve('@ledgerhq/hw-app-eth/package.json')),
  'tests',
)

type Exchange = { readonly request: string; readonly response: string }

function parseRecord(text: string): Exchange[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('=>') || line.startsWith('<='))
  const exchanges: Exchange[] = []
  for (let i = 0; i < lines.length; i += 2) {
    const request = lines[i]!.slice(2).trim().toLowerCase()
    const response = lines[i + 1]?.slice(2).trim().toLowerCase()
    if (!lines[i]!.startsWith('=>') || response === undefined) throw new Error('Bad record')
    exchanges.push({ request, response })
  }
  return exchanges
}

/** The first `RecordStore.fromString(...)` of the named test in `tests/Eth.unit.test.ts`. */
function recordOfTest(name: string): Exchange[] {
  const source = readFileSync(join(testsDir, 'Eth.unit.test.ts'), 'utf8')
  const start = source.search(new RegExp(`(it|test)\\("${name}"`))
  if (start < 0) throw new Error(`No test named ${name}`)
  const body = source.slice(start).split('RecordStore.fromString(`')[1]!.split('`')[0]!
  return parseRecord(body)
}

function recordOfFixture(file: string): Exchange[] {
  return parseRecord(readFileSync(join(testsDir, 'fixtures/apdus', file), 'utf8'))
}

// Speculos runs the app built with HAVE_CAL_TEST_KEY: its descriptors and filters are signed with
// the CAL test key (app-ethereum src/public_keys.h:24-29), the hw-app-eth unit tests' with the
// production key.
const calTestPublicKey =
  '0x044cca8fad496aa5040a00a7eb2f5cc3b85376d88ba147a7d7054a99c640561887fe17a096e36c3b523b244f3e2ff7f840ae26c4e77ad3bc739af5de6f2d77a7b6'

async function replay(
  mnemonic: string,
  exchanges: readonly Exchange[],
  version = '1.12.0',
  calPublicKey?: `0x${string}`,
) {
  const emulator = createLedgerEmulator({
    mnemonic,
    model: 'nanoSP',
    app: { name: 'Ethereum', version },
    ...(calPublicKey ? { calPublicKey } : {}),
  })
  const answers: string[] = []
  for (const { request } of exchanges) {
    answers.push((await emulator.transport.exchange(Buffer.from(request, 'hex'))).toString('hex'))
  }
  return answers
}

describe('tests/Eth.unit.test.ts', () => {
  test.each([
    // Real device seeded with the BIP-39 "abandon ... about" vector.
    ['getAddress', abandonSeed],
    // Speculos: EIP-1559 transfer, EIP-2930 with an access list, and a multi-chunk EIP-1559
    // contract call clear-signed through SET EXTERNAL PLUGIN + PROVIDE ERC 20 TOKEN INFORMATION.
    ['signTransaction supports EIP1559', speculosSeed],
    ['signTransaction supports EIP2930', speculosSeed],
    ['should clear sign the Uniswap Universal Router transaction', speculosSeed],
  ])('%s', async (name, mnemonic) => {
    const record = recordOfTest(name)
    expect(await replay(mnemonic, record)).toEqual(record.map((e) => e.response))
  })
})

// EIP-712 full mode recorded on Speculos: struct definitions, implementations with nested
// structs and arrays (including empty ones), v1 and v2 filters, ERC-20 token info for filters.
const speculosEip712Fixtures = readdirSync(join(testsDir, 'fixtures/apdus')).filter(
  (file) => /filtered/.test(file) || /^1[5-8]\.apdus$/.test(file),
)

describe('tests/fixtures/apdus (EIP-712, Speculos)', () => {
  test('covers the Speculos recordings', () => {
    expect(speculosEip712Fixtures.length).toBeGreaterThanOrEqual(25)
  })

  test.each(speculosEip712Fixtures)('%s', async (file) => {
    const record = recordOfFixture(file)
    const version = /v2/.test(file) ? '1.12.0' : '1.11.1'
    expect(await replay(speculosSeed, record, version, calTestPublicKey)).toEqual(
      record.map((e) => e.response),
    )
  })
})
