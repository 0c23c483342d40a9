import { existsSync } from 'node:fs'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Whether the browser tests (Next.js, RainbowKit) can run here. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath)
}
