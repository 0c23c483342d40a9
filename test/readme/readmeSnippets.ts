import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** A fenced `ts` or `js` code block of a README, and how the test treats it. */
export type ReadmeSnippet = {
  /** The README, relative to the repository root. */
  readme: string
  /** The line of the opening fence (1-based). */
  line: number
  language: 'ts' | 'js'
  code: string
  /**
   * `check`: type-checked as a module of its own (the default). `run`: type-checked and run as a
   * script. `fragment`: part of a larger example, not checked (marked in the README with
   * `<!-- readme-snippet: fragment -->` on the line before the fence).
   */
  mode: 'check' | 'run' | 'fragment'
}

const fence = /^```(ts|typescript|js|javascript)\s*$/
const marker = /^<!-- readme-snippet: (run|fragment) -->$/

/** The README.md of the repository and of each package. */
export function findReadmes(root: string): string[] {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'packages', entry.name, 'README.md'))
  return [join(root, 'README.md'), ...packages].filter((path) => {
    try {
      readFileSync(path)
      return true
    } catch {
      return false
    }
  })
}

/** Every TypeScript and JavaScript code block of `readme`. */
export function extractSnippets(root: string, readme: string): ReadmeSnippet[] {
  const lines = readFileSync(readme, 'utf8').split('\n')
  const snippets: ReadmeSnippet[] = []
  for (let index = 0; index < lines.length; index++) {
    const opening = fence.exec(lines[index] ?? '')
    if (!opening) continue
    const end = lines.findIndex((text, at) => at > index && text.startsWith('```'))
    if (end === -1) throw new Error(`${readme}:${index + 1}: code block never closed`)
    const mark = marker.exec(lines[index - 1] ?? '')?.[1] as 'run' | 'fragment' | undefined
    snippets.push({
      readme: relative(root, readme),
      line: index + 1,
      language: opening[1]?.startsWith('t') ? 'ts' : 'js',
      code: lines.slice(index + 1, end).join('\n'),
      mode: mark ?? 'check',
    })
    index = end
  }
  return snippets
}
