#!/usr/bin/env python3
"""Checks the GCE plugin and these fixtures against Google's Discovery document for compute v1.

Run by hand (not by ctest: the document is 2-4 MB and not in the repository):

    python3 tests/data/gce/check_discovery.py /tmp/compute.v1.json

See README.md beside this file for where the document comes from. Prints one line per mismatch
and exits 1 if there is any. What it checks:
  * every request the plugin sends (REQUESTS below, kept in step with providers/gce by hand):
    HTTP method, path template, each query parameter (exists, type, enum, bounds);
  * the instances.insert body (INSERT_BODY, the fullest body GceInstanceRequest::body builds):
    every member exists in Instance, recursively, with a compatible type and enum value;
  * every member the parser reads (PARSER_READS), in the reply schema it reads it from;
  * the status enums the parser maps (read from providers/gce/gceparser.cpp) against the
    document's enums;
  * every fixture in this folder that is a Compute reply (FIXTURES): every key, recursively,
    exists in its schema and its value has the schema's type (invented fields show up here).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

# (method id, HTTP method, path as the plugin builds it after "compute/v1/", query it sends,
#  whether the plugin sends it). Placeholders are named as in the document.
REQUESTS = [
    ("compute.instances.aggregatedList", "GET", "projects/{project}/aggregated/instances",
     {"maxResults": "500", "pageToken": "t", "returnPartialSuccess": "true"}, True),
    ("compute.disks.aggregatedList", "GET", "projects/{project}/aggregated/disks",
     {"maxResults": "500", "pageToken": "t", "returnPartialSuccess": "true"}, True),
    ("compute.instances.start", "POST",
     "projects/{project}/zones/{zone}/instances/{instance}/start", {}, True),
    ("compute.instances.stop", "POST",
     "projects/{project}/zones/{zone}/instances/{instance}/stop", {}, True),
    ("compute.instances.reset", "POST",
     "projects/{project}/zones/{zone}/instances/{instance}/reset", {}, True),
    ("compute.instances.resume", "POST",
     "projects/{project}/zones/{zone}/instances/{instance}/resume", {}, True),
    ("compute.instances.delete", "DELETE",
     "projects/{project}/zones/{zone}/instances/{instance}", {}, True),
    ("compute.instances.insert", "POST", "projects/{project}/zones/{zone}/instances",
     {"requestId": "123e4567-e89b-12d3-a456-426614174000"}, True),
    ("compute.zoneOperations.wait", "POST",
     "projects/{project}/zones/{zone}/operations/{operation}/wait", {}, True),
    ("compute.zoneOperations.get", "GET",
     "projects/{project}/zones/{zone}/operations/{operation}", {}, False),
    ("compute.zones.list", "GET", "projects/{project}/zones",
     {"maxResults": "500", "pageToken": "t"}, True),
    ("compute.machineTypes.list", "GET", "projects/{project}/zones/{zone}/machineTypes",
     {"maxResults": "500", "pageToken": "t"}, True),
    ("compute.machineTypes.aggregatedList", "GET", "projects/{project}/aggregated/machineTypes",
     {"maxResults": "500", "pageToken": "t", "returnPartialSuccess": "true"}, False),
    ("compute.images.getFromFamily", "GET", "projects/{project}/global/images/family/{family}",
     {}, True),
    ("compute.images.list", "GET", "projects/{project}/global/images",
     {"maxResults": "500", "pageToken": "t"}, True),
    # verify and listSshKeys (commonInstanceMetadata's ssh-keys).
    ("compute.projects.get", "GET", "projects/{project}", {}, True),
]

# The fullest body GceInstanceRequest::body builds (subnetwork given, a key and user data).
INSERT_BODY = {
    "name": "web-1",
    "machineType": "zones/us-central1-a/machineTypes/e2-small",
    "disks": [{
        "boot": True,
        "autoDelete": True,
        "type": "PERSISTENT",
        "initializeParams": {"sourceImage": "projects/debian-cloud/global/images/family/debian-12"},
    }],
    "networkInterfaces": [{
        "network": "global/networks/default",
        "subnetwork": "regions/us-central1/subnetworks/default",
        "accessConfigs": [{"type": "ONE_TO_ONE_NAT", "name": "External NAT"}],
    }],
    "labels": {"env": "prod", "web": ""},
    "metadata": {"items": [{"key": "ssh-keys", "value": "alice:ssh-ed25519 AAAA alice@laptop"},
                           {"key": "user-data", "value": "#cloud-config\n"}]},
}

# (schema, member path) for every member gceparser.cpp reads; "[]" walks into an array's items,
# "{}" into a map's values.
PARSER_READS = [
    ("InstanceAggregatedList", "items{}.instances[]"),
    ("InstanceAggregatedList", "items{}.warning.code"),
    ("InstanceAggregatedList", "nextPageToken"),
    ("InstanceAggregatedList", "unreachables[]"),
    ("Instance", "id"), ("Instance", "name"), ("Instance", "status"),
    ("Instance", "statusMessage"), ("Instance", "zone"), ("Instance", "machineType"),
    ("Instance", "creationTimestamp"),
    ("Instance", "networkInterfaces[].networkIP"),
    ("Instance", "networkInterfaces[].ipv6Address"),
    ("Instance", "networkInterfaces[].accessConfigs[].natIP"),
    ("Instance", "networkInterfaces[].ipv6AccessConfigs[].externalIpv6"),
    ("Instance", "labels{}"), ("Instance", "tags.items[]"),
    ("Instance", "disks[].boot"), ("Instance", "disks[].source"),
    ("Instance", "disks[].diskSizeGb"), ("Instance", "disks[].licenses[]"),
    ("DiskAggregatedList", "items{}.disks[]"), ("DiskAggregatedList", "nextPageToken"),
    ("Disk", "selfLink"), ("Disk", "sourceImage"),
    ("Operation", "name"), ("Operation", "status"), ("Operation", "zone"),
    ("Operation", "operationType"), ("Operation", "targetId"),
    ("Operation", "httpErrorStatusCode"), ("Operation", "httpErrorMessage"),
    ("Operation", "error.errors[].code"), ("Operation", "error.errors[].message"),
    ("ZoneList", "items[]"), ("ZoneList", "nextPageToken"),
    ("Zone", "name"), ("Zone", "region"), ("Zone", "status"),
    ("MachineTypeList", "items[]"), ("MachineTypeList", "nextPageToken"),
    ("MachineType", "name"), ("MachineType", "description"), ("MachineType", "guestCpus"),
    ("MachineType", "memoryMb"), ("MachineType", "zone"), ("MachineType", "deprecated.state"),
    ("ImageList", "items[]"), ("ImageList", "nextPageToken"),
    ("Image", "selfLink"), ("Image", "name"), ("Image", "family"), ("Image", "description"),
    ("Project", "name"), ("Project", "commonInstanceMetadata.items[].key"),
    ("Project", "commonInstanceMetadata.items[].value"),
]

# Enum values the parser compares with, outside the state table.
PARSER_ENUMS = [
    ("Operation", "status", {"PENDING", "RUNNING", "DONE"}),
    ("Zone", "status", {"UP"}),
    ("InstanceAggregatedList", "items{}.warning.code", {"NO_RESULTS_ON_PAGE"}),
    ("MachineType", "deprecated.state", {"ACTIVE"}),
]

# Fixture -> schema of the reply it stands for. error_*, token*, keys and ADC files are not
# Compute replies and are not in the document.
FIXTURES = {
    "instances_aggregated_page1.json": "InstanceAggregatedList",
    "instances_aggregated_page2.json": "InstanceAggregatedList",
    "instances_aggregated_unreachable.json": "InstanceAggregatedList",
    "instances_aggregated_empty.json": "InstanceAggregatedList",
    "disks_aggregated.json": "DiskAggregatedList",
    "operation_done.json": "Operation",
    "operation_failed.json": "Operation",
    "operation_insert.json": "Operation",
    "operation_running.json": "Operation",
    "zones.json": "ZoneList",
    "machine_types_page1.json": "MachineTypeList",
    "image_family_debian.json": "Image",
    "images_own.json": "ImageList",
    "project.json": "Project",
}

problems = []


def problem(text):
    problems.append(text)
    print("MISMATCH:", text)


def resolve(doc, schema):
    while "$ref" in schema:
        schema = doc["schemas"][schema["$ref"]]
    return schema


def methods(doc):
    found = {}

    def walk(resources):
        for resource in resources.values():
            for method in resource.get("methods", {}).values():
                found[method["id"]] = method
            walk(resource.get("resources", {}))

    walk(doc["resources"])
    return found


def check_query(method_id, name, value, spec):
    kind = spec.get("type")
    if kind == "integer":
        try:
            number = int(value)
        except ValueError:
            return problem(f"{method_id}: {name}={value!r} is not an integer")
        if "minimum" in spec and number < int(spec["minimum"]):
            problem(f"{method_id}: {name}={value} below {spec['minimum']}")
        if "maximum" in spec and number > int(spec["maximum"]):
            problem(f"{method_id}: {name}={value} above {spec['maximum']}")
        # maxResults' bound is only in its description ("Acceptable values are `0` to `500`").
        if name == "maxResults" and "`500`" in spec.get("description", "") and number > 500:
            problem(f"{method_id}: maxResults={value} above the described 500")
    elif kind == "boolean" and value not in ("true", "false"):
        problem(f"{method_id}: {name}={value!r} is not a boolean")
    if "enum" in spec and value not in spec["enum"]:
        problem(f"{method_id}: {name}={value!r} not in {spec['enum']}")


def check_requests(doc, source):
    known = methods(doc)
    for method_id, http, path, query, sent in REQUESTS:
        method = known.get(method_id)
        if method is None:
            problem(f"{method_id}: no such method")
            continue
        if method["httpMethod"] != http:
            problem(f"{method_id}: we send {http}, the document says {method['httpMethod']}")
        if method["path"] != path:
            problem(f"{method_id}: our path {path}, the document's {method['path']}")
        params = method.get("parameters", {})
        for name, value in query.items():
            spec = params.get(name)
            if spec is None or spec.get("location") != "query":
                problem(f"{method_id}: query parameter {name} does not exist")
            else:
                check_query(method_id, name, value, spec)
        # The path's last fixed segment ("/stop", "/aggregated/disks", "/global/images") must
        # be in providers/gce's source, so a renamed path there shows up here.
        if sent:
            tail = re.sub(r"/\{[a-zA-Z]+\}", "", path.split("{project}", 1)[1])
            segment = tail.rsplit("/", 1)[-1] if tail else ""
            if segment and '/' + segment + '"' not in source and '/' + segment + '/' not in source:
                problem(f"{method_id}: no /{segment} in providers/gce")


def check_value(doc, schema, value, where, allow_output_only=True):
    """Checks @p value (a fixture's or a request body's) against @p schema, recursively."""
    schema = resolve(doc, schema)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        if not isinstance(value, dict):
            return problem(f"{where}: expected an object, got {type(value).__name__}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, member in value.items():
            if key in props:
                check_value(doc, props[key], member, f"{where}.{key}")
            elif extra is not None:
                check_value(doc, extra, member, f"{where}{{{key}}}")
            else:
                problem(f"{where}: member {key!r} is not in the schema")
    elif kind == "array":
        if not isinstance(value, list):
            return problem(f"{where}: expected an array")
        for i, item in enumerate(value):
            check_value(doc, schema["items"], item, f"{where}[{i}]")
    elif kind == "string":
        # int64/uint64 travel as strings in JSON; so do byte strings and dates.
        if not isinstance(value, str):
            return problem(f"{where}: expected a string ({schema.get('format', 'text')}), "
                           f"got {json.dumps(value)}")
        fmt = schema.get("format")
        if fmt in ("int64", "uint64") and not re.fullmatch(r"-?[0-9]+", value):
            problem(f"{where}: {value!r} is not a {fmt}")
        if "enum" in schema and value not in schema["enum"]:
            problem(f"{where}: {value!r} not in {schema['enum']}")
        if "pattern" in schema and not re.fullmatch(schema["pattern"], value):
            problem(f"{where}: {value!r} does not match {schema['pattern']}")
    elif kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            problem(f"{where}: expected an integer ({schema.get('format')}), got "
                    f"{json.dumps(value)}")
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problem(f"{where}: expected a number")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problem(f"{where}: expected a boolean")


def member(doc, schema_name, path):
    """The schema at @p path below @p schema_name, or None (after reporting) if missing."""
    schema = resolve(doc, {"$ref": schema_name})
    where = schema_name
    for part in path.split("."):
        name = re.sub(r"(\[\]|\{\})+$", "", part)
        if name:
            props = schema.get("properties", {})
            if name not in props:
                problem(f"parser reads {schema_name}.{path}: {where} has no {name!r}")
                return None
            schema = resolve(doc, props[name])
            where += "." + name
        for walk in re.findall(r"\[\]|\{\}", part):
            if walk == "[]":
                if schema.get("type") != "array":
                    problem(f"parser reads {where} as an array; it is {schema.get('type')}")
                    return None
                schema = resolve(doc, schema["items"])
            else:
                if "additionalProperties" not in schema:
                    problem(f"parser reads {where} as a map; it has no additionalProperties")
                    return None
                schema = resolve(doc, schema["additionalProperties"])
    return schema


def check_parser(doc):
    for schema_name, path in PARSER_READS:
        member(doc, schema_name, path)
    parser = open(os.path.join(ROOT, "providers/gce/gceparser.cpp"), encoding="utf-8").read()
    mapped = set(re.findall(r'\{QStringLiteral\("([A-Z_]+)"\),\s*MachineState::', parser))
    documented = set(doc["schemas"]["Instance"]["properties"]["status"]["enum"])
    if mapped != documented:
        problem(f"Instance.status: mapped {sorted(mapped)}, documented {sorted(documented)}; "
                f"invented {sorted(mapped - documented)}, unmapped {sorted(documented - mapped)}")
    for schema_name, path, values in PARSER_ENUMS:
        schema = member(doc, schema_name, path)
        if schema is not None and not values <= set(schema.get("enum", [])):
            problem(f"{schema_name}.{path}: {sorted(values - set(schema.get('enum', [])))} "
                    f"not in {schema.get('enum')}")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/compute.v1.json"
    doc = json.load(open(path, encoding="utf-8"))
    print(f"{doc['id']} revision {doc['revision']}")
    source = ""
    for name in sorted(os.listdir(os.path.join(ROOT, "providers/gce"))):
        if name.endswith(".cpp"):
            source += open(os.path.join(ROOT, "providers/gce", name), encoding="utf-8").read()
    check_requests(doc, source)
    check_value(doc, {"$ref": "Instance"}, INSERT_BODY, "instances.insert body")
    check_parser(doc)
    for name, schema in sorted(FIXTURES.items()):
        fixture = json.load(open(os.path.join(HERE, name), encoding="utf-8"))
        check_value(doc, {"$ref": schema}, fixture, name)
    print(f"{len(problems)} mismatch(es)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
