"""Writes vocabulary.json: the part of the schema.org vocabulary MatchCentre's structured data
uses (its types, their ancestors and properties, each property's range, the enumerations), from
a schema.org release's CSV files, so tests validate the JSON-LD against the real vocabulary.

Usage: python tests/schemaorg/make_vocabulary.py TYPES_CSV PROPERTIES_CSV
(data/releases/<version>/schemaorg-current-https-{types,properties}.csv of github.com/schemaorg/schemaorg)
"""

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Every type our pages may name, and the types their properties' values may be.
USED = [
    "SportsEvent", "SportsTeam", "StadiumOrArena", "Place", "PostalAddress", "LiveBlogPosting",
    "BlogPosting", "NewsArticle", "Organization", "Person", "ImageObject", "WebPage", "Country",
    "EventStatusType",
]  # fmt: skip
DATATYPES = ["Text", "URL", "DateTime", "Date", "Time", "Integer", "Number", "Boolean"]


def label(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def split(cell: str) -> list[str]:
    return [label(part.strip()) for part in cell.split(",") if part.strip()]


def main(types_csv: str, properties_csv: str) -> None:
    csv.field_size_limit(10**8)
    with open(types_csv, newline="") as file:
        rows = {row["label"]: row for row in csv.DictReader(file)}
    with open(properties_csv, newline="") as file:
        properties = {row["label"]: row for row in csv.DictReader(file)}

    def ancestors(name: str) -> list[str]:
        found: list[str] = []
        for parent in split(rows[name]["subTypeOf"]) if name in rows else []:
            for each in [parent, *ancestors(parent)]:
                if each not in found:
                    found.append(each)
        return found

    types = {
        name: {"ancestors": ancestors(name), "properties": sorted(split(rows[name]["properties"]))}
        for name in USED
    }
    used_properties = sorted({prop for entry in types.values() for prop in entry["properties"]})
    # A few properties a type lists are retired from the current release: they have no range.
    ranges = {
        prop: split(properties[prop]["rangeIncludes"]) for prop in used_properties if prop in properties
    }
    # Every type a value may name through some range, with its ancestors, so ranges can be checked.
    known = {name for entry in ranges.values() for name in entry} | set(USED)
    lineage = {name: ancestors(name) for name in sorted(known) if name in rows}
    members = {
        name: label(row["enumerationtype"])
        for name, row in rows.items()
        if label(row["enumerationtype"]) in USED and row["enumerationtype"]
    }
    vocabulary = {
        "source": "schema.org vocabulary (CC BY-SA 3.0, https://schema.org/docs/terms.html), from "
        + types_csv,
        "datatypes": DATATYPES,
        "types": types,
        "lineage": lineage,
        "ranges": ranges,
        "enumerations": members,
    }
    (HERE / "vocabulary.json").write_text(json.dumps(vocabulary, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
