#!/usr/bin/env python3
"""Funds the benchmark's driver wallets on anvil: anvil_setBalance in JSON-RPC batches of 500.

Wallet of charger n (1-based) of simulator process p (0-based): 0x, then the byte b0+p, then n in 38 hex digits, all
lower case (EIP-55 leaves all-lower-case addresses unchecked); bench/run.sh seeds the same addresses into `wallets`.
"""
import argparse
import json
import urllib.request


def address(process, n):
    return "0x%02x%038x" % (0xB0 + process, n)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rpc", required=True)
    parser.add_argument("--counts", required=True, help="chargers per simulator process, comma-separated")
    parser.add_argument("--wei", type=int, default=100 * 10**18)
    args = parser.parse_args()
    wallets = [address(p, n) for p, count in enumerate(int(c) for c in args.counts.split(","))
               for n in range(1, count + 1)]
    for start in range(0, len(wallets), 500):
        batch = [{"jsonrpc": "2.0", "id": i, "method": "anvil_setBalance", "params": [w, hex(args.wei)]}
                 for i, w in enumerate(wallets[start:start + 500], start)]
        request = urllib.request.Request(args.rpc, json.dumps(batch).encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            answers = json.load(response)
        failed = [a for a in answers if "error" in a]
        if failed:
            raise SystemExit("anvil_setBalance failed: %s" % failed[0])
    print("funded %d wallets with %d wei each" % (len(wallets), args.wei))


if __name__ == "__main__":
    main()
