/**
 * Property tests explore fresh inputs on every local run. In CI they replay one seed, so a run
 * is reproducible and a submission is judged on the same inputs every time; set
 * AIRLOCK_FC_SEED to replay a failure's seed (fast-check prints it) anywhere.
 */
import fc from 'fast-check'

const seed = process.env.AIRLOCK_FC_SEED ?? (process.env.CI ? '20261127' : undefined)
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) })
