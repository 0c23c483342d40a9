import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { generateDescriptorModules } from '../../scripts/generateDescriptorModules.js'
import { readDescriptorSource } from '../../scripts/readDescriptorSource.js'
import { findTokenSignatureProblems } from '../../scripts/verifyTokenSignatures.js'

const dataDirectory = fileURLToPath(new URL('./data/', import.meta.url))

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dataDirectory, join(entry.parentPath, entry.name)))
    .sort()
}

describe('src/descriptors/data', () => {
  const source = readDescriptorSource()
  const generated = generateDescriptorModules(source)

  test('is what `descriptors:update` generates from the installed package', () => {
    expect(listFiles(dataDirectory)).toEqual([...generated.keys()].sort())
    for (const [path, text] of generated)
      expect(readFileSync(join(dataDirectory, path), 'utf8'), path).toBe(text)
  })

  test('the update script’s check reports a tampered descriptor', () => {
    const [first] = source.erc20Signatures
    const bytes = Uint8Array.from(atob(first!.base64), (character) => character.charCodeAt(0))
    bytes[6]! ^= 1
    const base64 = btoa(String.fromCharCode(...bytes))
    expect(findTokenSignatureProblems([{ chainId: first!.chainId, base64 }])).toEqual([
      expect.stringMatching(/signature does not verify$/),
    ])
    expect(findTokenSignatureProblems([{ chainId: 5, base64: first!.base64 }])[0]).toMatch(
      /signed for chain 1$/,
    )
  })

  test('every message has v1 and v2 filters and its own module', () => {
    const messages = [...generated.keys()].filter((path) => /^eip712\/\d+-/.test(path))
    expect(messages).toHaveLength(154)
    expect(Object.keys(source.eip712V1).sort()).toEqual(Object.keys(source.eip712V2).sort())
  })
})
