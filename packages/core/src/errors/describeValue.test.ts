import { expect, test } from 'vitest'
import { InvalidPathError } from '../exports/index.js'
import { parsePath } from '../path/parsePath.js'
import { bip44, ledgerLive } from '../path/schemes.js'
import { describeValue } from './describeValue.js'

const cyclic: Record<string, unknown> = {}
cyclic.self = cyclic

test('shows every kind of value', () => {
  expect(
    [
      'text',
      12,
      12n,
      true,
      null,
      undefined,
      Symbol('s'),
      { a: 1 },
      [1, '2'],
      Object.create(null),
      { toString: {} },
      {
        toString() {
          throw new Error('no')
        },
      },
      cyclic,
      { big: 1n },
      () => 1,
    ].map(describeValue),
  ).toMatchInlineSnapshot(`
    [
      ""text"",
      "12",
      "12n",
      "true",
      "null",
      "undefined",
      "Symbol(s)",
      "{"a":1}",
      "[1,"2"]",
      "{}",
      "{"toString":{}}",
      "{}",
      "[object Object]",
      "[object Object]",
      "() => 1",
    ]
  `)
})

test('cuts long values', () => {
  const shown = describeValue('x'.repeat(1000))
  expect(shown).toHaveLength(201)
  expect(shown.endsWith('…')).toBe(true)
})

test('a hostile path or index still gets InvalidPathError', () => {
  const hostile = [Object.create(null), { toString: {} }, Symbol('index'), [{ toString: 1 }]]
  for (const value of hostile) {
    expect(() => parsePath(value as never)).toThrowError(InvalidPathError)
    expect(() => ledgerLive(value as never)).toThrowError(InvalidPathError)
    expect(() => bip44(value as never)).toThrowError(InvalidPathError)
  }
})
