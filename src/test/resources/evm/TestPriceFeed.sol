// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A Chainlink AggregatorV3-style feed (decimals, latestRoundData) whose answer and updatedAt a test sets,
/// so it can serve a fresh price, a stale one or a non-positive one.
contract TestPriceFeed {
    uint8 public immutable decimals;
    uint80 private roundId;
    int256 private answer;
    uint256 private updatedAt;

    constructor(uint8 decimals_, int256 answer_, uint256 updatedAt_) {
        decimals = decimals_;
        setRoundData(answer_, updatedAt_);
    }

    function setRoundData(int256 answer_, uint256 updatedAt_) public {
        roundId += 1;
        answer = answer_;
        updatedAt = updatedAt_;
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (roundId, answer, updatedAt, updatedAt, roundId);
    }
}
