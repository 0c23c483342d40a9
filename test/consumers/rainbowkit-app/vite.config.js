import { defineConfig } from 'vite'

// Two pages on one install: RainbowKit's (index.html) and Reown AppKit's (appkit.html).
export default defineConfig({
  build: {
    rolldownOptions: {
      input: { rainbowkit: 'index.html', appkit: 'appkit.html' },
      // RainbowKit's and AppKit's modules start with "use client", which a client-only build has
      // no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
  },
})
