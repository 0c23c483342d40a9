import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    rolldownOptions: {
      // RainbowKit's modules start with "use client", which a client-only build has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
  },
})
