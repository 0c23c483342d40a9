// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A contract no wallet has metadata for: calling it can only be blind-signed on a Ledger.
contract Counter {
    uint256 public count;

    function increment() external {
        count += 1;
    }
}
