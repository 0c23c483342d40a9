// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Erc20Permit} from "./Erc20Permit.sol";

/// A stand-in for Circle's USDC: its name, symbol, decimals and EIP-2612 domain ("USD Coin", "2").
contract UsdCoin is Erc20Permit {
    function name() public pure override returns (string memory) {
        return "USD Coin";
    }

    function symbol() public pure override returns (string memory) {
        return "USDC";
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function version() public pure override returns (string memory) {
        return "2";
    }
}
