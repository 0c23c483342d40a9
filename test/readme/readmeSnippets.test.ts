/**
 * Every `ts` and `js` code block of README.md and packages/*\/README.md, type-checked against the
 * workspace packages' source (strict, one module per block), so a snippet that drifts from the
 * API fails here. Blocks marked `<!-- readme-snippet: run -->` also run, as pasted, in Node (on
 * the emulators); `<!-- readme-snippet: fragment -->` marks the few that continue another block.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { run } from '../consumers/run.js'
import { extractSnippets, findReadmes, type ReadmeSnippet } from './readmeSnippets.js'

const root = resolve(import.meta.dirname, '../..')
const snippets = findReadmes(root).flatMap((readme) => extractSnippets(root, readme))
const checked = snippets.filter(({ mode }) => mode !== 'fragment')

/** A snippet that uses viem without importing it: the drift this test exists to catch. */
const drifted: ReadmeSnippet = {
  readme: 'drifted',
  line: 1,
  language: 'ts',
  code: "import { toLedgerAccount } from '@airlock/ledger'\nconst account = await toLedgerAccount({ transport: 'webusb', index: 0, scheme: 'ledgerLive' })\nexport const client = createWalletClient({ account, transport: http() })",
  mode: 'check',
}

const workDirs: string[] = []
let diagnostics = ''

function fileOf(snippet: ReadmeSnippet): string {
  const name = `${snippet.readme.replace(/[/.]/g, '_')}_${snippet.line}`
  return `${name}.${snippet.language === 'ts' ? 'mts' : 'mjs'}`
}

/** Hardhat 3 snippets resolve in examples/hardhat, beside Hardhat 3 (the test package has Hardhat 2). */
const usesHardhat = ({ code }: ReadmeSnippet) =>
  /from '(hardhat(\/[\w/]+)?|@airlock\/hardhat|@nomicfoundation\/[\w-]+)'/.test(code)

/** Type-checks `snippets` with tsc in a folder made inside `parent`; returns tsc's diagnostics. */
async function typeCheck(
  parent: string,
  snippets: ReadmeSnippet[],
  paths: Record<string, string[]>,
): Promise<string> {
  // Inside the package, so that the snippets resolve the workspace packages it links.
  const dir = mkdtempSync(join(parent, '.snippets-'))
  workDirs.push(dir)
  // `export {}` keeps each block a module of its own (top-level await, no shared names).
  for (const snippet of snippets)
    writeFileSync(join(dir, fileOf(snippet)), `${snippet.code}\nexport {}\n`)
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      customConditions: ['source'],
      strict: true,
      noEmit: true,
      allowJs: true,
      checkJs: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(import.meta.dirname, '../node_modules/@types')],
      paths,
    },
    include: ['*.mts', '*.mjs'],
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  const result = await run(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], {
    cwd: dir,
    timeoutMs: 300_000,
  })
  return `${result.stdout}${result.stderr}`
}

beforeAll(async () => {
  const wagmi = join(root, 'packages/wagmi')
  const wagmiCore = join(wagmi, 'node_modules/@wagmi/core/dist/types/exports')
  const [workspace, hardhat] = await Promise.all([
    typeCheck(import.meta.dirname, [...checked.filter((s) => !usesHardhat(s)), drifted], {
      // Not dependencies of the test package: the wagmi connectors and wagmi itself.
      '@airlock/wagmi': [join(wagmi, 'src/exports/index.ts')],
      '@airlock/wagmi/rainbowkit': [join(wagmi, 'src/exports/rainbowkit.ts')],
      '@wagmi/core': [join(wagmiCore, 'index.d.ts')],
      '@wagmi/core/chains': [join(wagmiCore, 'chains.d.ts')],
    }),
    typeCheck(join(root, 'examples/hardhat'), checked.filter(usesHardhat), {}),
  ])
  diagnostics = `${workspace}\n${hardhat}`
}, 300_000)

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true })
})

function errorsOf(snippet: ReadmeSnippet): string[] {
  return diagnostics.split('\n').filter((line) => line.startsWith(fileOf(snippet)))
}

// The fragments: two blocks of the main README that continue another, and the RainbowKit one of
// @airlock/wagmi's (RainbowKit is not in the workspace; the consumer suite checks that call).
test('the READMEs have snippets, and few are fragments', () => {
  expect(checked.length).toBeGreaterThanOrEqual(9)
  expect(snippets.length - checked.length).toBeLessThanOrEqual(3)
})

test('a snippet that drifted (viem used without its import) fails the check', () => {
  expect(errorsOf(drifted).join('\n')).toMatch(/Cannot find name 'createWalletClient'/)
})

describe.each(checked.map((snippet) => ({ ...snippet, at: `${snippet.readme}:${snippet.line}` })))(
  '$at',
  (snippet) => {
    test('type-checks', () => {
      expect(errorsOf(snippet)).toEqual([])
    })
  },
)

const runnable = checked.filter(({ mode }) => mode === 'run')

test.each(runnable.map((snippet) => ({ ...snippet, at: `${snippet.readme}:${snippet.line}` })))(
  '$at runs as pasted',
  async (snippet) => {
    const dir = join(workDirs[0]!, 'run')
    mkdirSync(dir, { recursive: true })
    const script = join(dir, fileOf(snippet))
    writeFileSync(script, snippet.code)
    // tsx and the `source` condition: the workspace packages' source, as the other tests use it.
    const result = await run(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
      cwd: dir,
      timeoutMs: 120_000,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^account 0x[0-9a-fA-F]{40} /m)
    expect(result.stdout).toMatch(/verified: true/)
    expect(result.stdout).not.toMatch(/verified: false/)
  },
  120_000,
)
