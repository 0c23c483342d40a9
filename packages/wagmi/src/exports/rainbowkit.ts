export {
  type CreateRainbowKitWallet,
  ledgerWallet,
  type RainbowKitWallet,
  trezorWallet,
} from '../rainbowkit.js'
