#!/usr/bin/env python3
"""The comparison for `clouddeck-cli machines list --json`: Apache libcloud (Debian's
python3-libcloud) listing the same fake DigitalOcean cloud and printing the nodes as JSON.

    libcloud_list.py PORT [ACCOUNTS]

With ACCOUNTS > 1 it lists that many accounts (the same endpoint) one after the other, as a
libcloud program does without threads of its own.
"""
import json
import os
import sys

from libcloud.compute.providers import get_driver
from libcloud.compute.types import Provider


def driver(port):
    cls = get_driver(Provider.DIGITAL_OCEAN)
    d = cls(os.environ.get("BENCH_TOKEN", "bench-token"), api_version="v2")  # 200 per page by default
    # The driver takes its host from the class; reaching a local server needs these set after
    # construction (libcloud 3.4).
    d.connection.host = "127.0.0.1"
    d.connection.port = port
    d.connection.secure = False
    d.connection.connect()  # the driver connected to its default host when it was made
    return d


def main():
    port = int(sys.argv[1])
    accounts = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    nodes = []
    for _ in range(accounts):
        for node in driver(port).list_nodes():
            nodes.append({
                "id": node.id, "name": node.name, "state": node.state,
                "publicIps": node.public_ips, "privateIps": node.private_ips,
                "region": node.extra.get("region"),
                "size": node.extra.get("size_slug"), "created": str(node.created_at),
                "tags": node.extra.get("tags", []),
                "pricePerMonth": node.extra.get("size", {}).get("price_monthly"),
            })
    json.dump(nodes, sys.stdout, indent=4)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
