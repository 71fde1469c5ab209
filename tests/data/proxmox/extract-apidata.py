#!/usr/bin/env python3
"""Writes apidata-extract.json: the endpoints CloudDeck's Proxmox VE plugin calls, cut out of the
official API schema (pve-docs api-viewer/apidata.js) unchanged, so the fake server in
tests/providers/proxmox checks every request against Proxmox's own description.

    extract-apidata.py path/to/apidata.js > apidata-extract.json
"""
import json
import sys

ENDPOINTS = [
    ("GET", "/version"),
    ("GET", "/nodes"),
    ("GET", "/cluster/resources"),
    ("GET", "/cluster/nextid"),
    ("GET", "/nodes/{node}/tasks/{upid}/status"),
    ("GET", "/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"),
    ("GET", "/nodes/{node}/lxc/{vmid}/interfaces"),
    ("GET", "/nodes/{node}/qemu/{vmid}/rrddata"),
    ("GET", "/nodes/{node}/lxc/{vmid}/rrddata"),
    ("POST", "/nodes/{node}/qemu/{vmid}/clone"),
    ("POST", "/nodes/{node}/lxc/{vmid}/clone"),
    ("POST", "/nodes/{node}/qemu/{vmid}/config"),
    ("PUT", "/nodes/{node}/lxc/{vmid}/config"),
    ("DELETE", "/nodes/{node}/qemu/{vmid}"),
    ("DELETE", "/nodes/{node}/lxc/{vmid}"),
] + [("POST", f"/nodes/{{node}}/{kind}/{{vmid}}/status/{action}")
     for kind in ("qemu", "lxc") for action in ("start", "shutdown", "stop", "reboot")]

# Only what a request check needs: the rest (descriptions, verbose formats) is noise here.
KEEP = ("type", "optional", "enum", "minimum", "maximum", "pattern", "format", "maxLength",
        "default")


def slim(schema):
    out = {k: schema[k] for k in KEEP if k in schema}
    if isinstance(out.get("format"), dict):
        out["format"] = "property-string"
    return out


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    tree = json.loads(text[text.index("["):text.rindex("]") + 1])
    index = {}

    def walk(node):
        index[node["path"]] = node
        for child in node.get("children", []):
            walk(child)

    for node in tree:
        walk(node)
    result = {}
    for method, path in ENDPOINTS:
        info = index[path]["info"][method]
        params = info.get("parameters", {})
        result[f"{method} {path}"] = {
            "allowtoken": info.get("allowtoken", 0),
            "additionalProperties": params.get("additionalProperties", 1),
            "parameters": {name: slim(p) for name, p in params.get("properties", {}).items()},
            "returns": slim(info.get("returns", {})),
        }
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


main()
