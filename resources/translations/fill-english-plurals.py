#!/usr/bin/env python3
"""Fills the English plural forms in clouddeck_en.ts after `cmake --build . --target update_translations`.

Source texts say "%n machine(s)"; English needs "%n machine" and "%n machines". Only messages
marked numerus are touched, and only while they are unfinished, so hand edits are kept.
"""
import re
import sys
import xml.etree.ElementTree as ET

SINGULAR_FIXES = {
    "their current state": "its current state",
    "machine that are off": "machine that is off",
    "instance: only their EBS volumes are billed": "instance: only its EBS volumes are billed",
    "instance cost only their disks": "instance costs only its disks",
}


def forms(source):
    singular = source.replace("(s)", "")
    for plural_text, singular_text in SINGULAR_FIXES.items():
        singular = singular.replace(plural_text, singular_text)
    plural = source.replace("(s)", "s")
    return singular, plural


def main(path):
    tree = ET.parse(path)
    changed = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source")
        for child in list(translation):
            translation.remove(child)
        for text in forms(source):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        del translation.attrib["type"]
        changed += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path}: {changed} plural messages filled")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "clouddeck_en.ts")
