// The driver contract as checks: run them against your own driver and device emulator. Test-only:
// nothing here is needed to sign.
export {
  type ConformanceCheck,
  type ConformanceDevice,
  ConformanceError,
  type ConformanceSetupOptions,
  type DriverConformanceHarness,
  driverConformanceChecks,
} from '../testing/driverConformance.js'
