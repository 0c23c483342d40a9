import { describe, expect, test } from 'vitest'
import { validateManifest } from './validateManifest.js'

const manifest = { appName: 'Example', appUrl: 'https://example.com', email: 'dev@example.com' }

describe('validateManifest', () => {
  test('accepts Connect 9.7’s fields', () => {
    expect(validateManifest(manifest)).toEqual(manifest)
    expect(validateManifest({ ...manifest, appIcon: 'https://example.com/icon.png' }).appIcon).toBe(
      'https://example.com/icon.png',
    )
  })

  test.each([
    [undefined, 'Trezor Connect requires a manifest'],
    [{ ...manifest, appName: ' ' }, '"appName" must be a non-empty string'],
    [{ ...manifest, appUrl: 'example.com' }, '"appUrl" must be an http(s) URL, got "example.com"'],
    [{ ...manifest, appUrl: undefined }, '"appUrl" must be an http(s) URL, got undefined'],
    [{ ...manifest, email: 'nobody' }, '"email" must be an email address, got "nobody"'],
    [
      { appName: 'x', url: 'https://x.y', mail: 'a@b' },
      '"appUrl" must be an http(s) URL, got undefined',
    ],
    [{ ...manifest, appIcon: 1 }, '"appIcon" must be a URL string when set'],
  ])('rejects %o: %s', (input, reason) => {
    expect(() => validateManifest(input)).toThrowError(
      expect.objectContaining({ name: 'InvalidManifestError', details: reason }),
    )
  })

  test('the error tells what to pass', () => {
    expect(() => validateManifest({})).toThrowErrorMatchingInlineSnapshot(`
      [InvalidManifestError: The Trezor Connect manifest is invalid.

      Pass \`manifest: { appName, appUrl, email }\`: your app's name, its https URL and a contact email.

      Details: "appName" must be a non-empty string
      Version: @airlock/core@0.1.0]
    `)
  })
})
