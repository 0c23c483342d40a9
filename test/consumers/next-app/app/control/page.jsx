import { ControlWallet } from './ControlWallet.jsx'

export default function ControlPage() {
  return <ControlWallet />
}
