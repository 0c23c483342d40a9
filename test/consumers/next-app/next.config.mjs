/**
 * One app, two builds side by side: the test sets AIRLOCK_NEXT_DIST_DIR per bundler (Turbopack,
 * webpack), and `next start` reads the same variable to serve the matching build.
 */
export default {
  distDir: process.env.AIRLOCK_NEXT_DIST_DIR ?? '.next',
}
