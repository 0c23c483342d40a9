import { expect, test } from 'vitest'
import { valuesAtPath } from './valuesAtPath.js'

test('a nested field, fields of array entries, a missing field', () => {
  const message = { details: { token: '0xa' }, orders: [{ token: '0xb' }, { token: '0xc' }] }
  expect(valuesAtPath(message, 'details.token')).toEqual(['0xa'])
  expect(valuesAtPath(message, 'orders.[].token')).toEqual(['0xb', '0xc'])
  expect(valuesAtPath(message, 'details.amount')).toEqual([])
  expect(valuesAtPath({ orders: [] }, 'orders.[].token')).toEqual([])
})
