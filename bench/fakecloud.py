#!/usr/bin/env python3
"""A DigitalOcean-shaped fake cloud for the benchmarks (never for tests: those use the C++ fakes).

Every page is rendered once at start, so serving costs one sendall per reply and the client's
own cost dominates what is measured. Droplets are built from the documented droplet of
tests/data/digitalocean/droplets_page1.json (from DigitalOcean's OpenAPI example), with ids,
names and addresses varied so that no two are alike.

    fakecloud.py --droplets 10000 [--per-page 200] [--latency-ms 0] [--port-file FILE]

It listens on 127.0.0.1 (an ephemeral port, written to --port-file), speaks HTTP/1.1 with
keep-alive, and answers GET /v2/account and GET /v2/droplets?page=N&per_page=M. It runs until
killed.
"""
import argparse
import copy
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "..", "tests", "data", "digitalocean", "droplets_page1.json")
ACCOUNT = os.path.join(HERE, "..", "tests", "data", "digitalocean", "account.json")
REGIONS = ["nyc1", "nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1", "tor1", "blr1", "syd1"]
SIZES = [("s-1vcpu-1gb", 6.0), ("s-2vcpu-2gb", 18.0), ("s-2vcpu-4gb", 24.0), ("s-4vcpu-8gb", 48.0)]
STATES = ["active", "active", "active", "off", "new"]


def droplet(template, number):
    d = copy.deepcopy(template)
    d["id"] = 100000000 + number
    d["name"] = "bench-%06d.example.com" % number
    d["status"] = STATES[number % len(STATES)]
    region = REGIONS[number % len(REGIONS)]
    d["region"]["slug"] = region
    slug, price = SIZES[number % len(SIZES)]
    d["size_slug"] = slug
    d["size"]["slug"] = slug
    d["size"]["price_monthly"] = price
    d["size"]["price_hourly"] = round(price / 730, 5)
    d["created_at"] = "2024-%02d-%02dT%02d:%02d:00Z" % (
        1 + number % 12, 1 + number % 28, number % 24, number % 60)
    d["tags"] = ["bench", "team-%d" % (number % 7)]
    v4 = d["networks"]["v4"]
    v4[0]["ip_address"] = "10.%d.%d.%d" % (number >> 16 & 255, number >> 8 & 255, number & 255)
    v4[1]["ip_address"] = "203.%d.%d.%d" % (number >> 16 & 255, number >> 8 & 255, number & 255)
    d["networks"]["v6"][0]["ip_address"] = "2604:a880:0:1010::%x" % number
    return d


def render_pages(count, per_page, base):
    template = json.load(open(TEMPLATE))["droplets"][0]
    pages = {}
    last = max(1, (count + per_page - 1) // per_page)
    for page in range(1, last + 1):
        first = (page - 1) * per_page
        items = [droplet(template, n) for n in range(first, min(count, first + per_page))]
        links = {"pages": {}}
        if page < last:
            links["pages"]["next"] = "%s/v2/droplets?page=%d&per_page=%d" % (base, page + 1, per_page)
            links["pages"]["last"] = "%s/v2/droplets?page=%d&per_page=%d" % (base, last, per_page)
        body = {"droplets": items, "links": links, "meta": {"total": count}}
        pages[page] = json.dumps(body, separators=(",", ":")).encode()
    return pages, last


class Server(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5. Ten accounts open some forty connections within a
    # few milliseconds, the kernel drops what overflows, and each dropped handshake costs a 200 ms
    # retransmission on loopback: that was the benchmark measuring the fake cloud, not the client.
    request_queue_size = 128


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--droplets", type=int, default=10000)
    parser.add_argument("--per-page", type=int, default=200)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--port-file", default=None)
    parser.add_argument("--url-list", default=None,
                        help="write the URLs of every page here (for curl, the floor)")
    args = parser.parse_args()

    server = Server(("127.0.0.1", 0), None)
    server.daemon_threads = True
    port = server.server_address[1]
    base = "http://127.0.0.1:%d" % port
    pages, last = render_pages(args.droplets, args.per_page, base)
    account = open(ACCOUNT, "rb").read()
    latency = args.latency_ms / 1000.0

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *unused):
            pass

        def reply(self, status, body):
            if latency:
                time.sleep(latency)
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("RateLimit-Limit", "5000")
            self.send_header("RateLimit-Remaining", "4999")
            self.send_header("RateLimit-Reset", str(int(time.time()) + 60))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlparse(self.path)
            if url.path == "/v2/account":
                return self.reply(200, account)
            if url.path == "/v2/droplets":
                query = parse_qs(url.query)
                page = int(query.get("page", ["1"])[0])
                per_page = int(query.get("per_page", [str(args.per_page)])[0])
                if per_page != args.per_page:
                    # The pages are rendered for one size only: a different one is a bench bug.
                    return self.reply(400, b'{"id":"bad_request","message":"per_page"}')
                if page in pages:
                    return self.reply(200, pages[page])
                return self.reply(200, json.dumps(
                    {"droplets": [], "links": {}, "meta": {"total": args.droplets}}).encode())
            self.reply(404, b'{"id":"not_found","message":"The resource you were accessing could not be found."}')

    server.RequestHandlerClass = Handler
    if args.url_list:
        with open(args.url_list, "w") as out:
            for page in range(1, last + 1):
                out.write("url = \"%s/v2/droplets?page=%d&per_page=%d\"\n" % (base, page, args.per_page))
                out.write("output = \"/dev/null\"\n")
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as out:
            out.write(str(port))
        os.replace(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
