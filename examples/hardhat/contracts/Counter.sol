// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Counts the calls to `increment` and remembers who called last.
contract Counter {
    uint256 public count;
    address public lastCaller;

    function increment() external {
        count += 1;
        lastCaller = msg.sender;
    }
}
