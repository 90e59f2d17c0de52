"""Baseline for `npm run bench:parse`: the approach of the existing Python scrapers of this site.

Reads every results page in a directory with BeautifulSoup's html.parser and pulls out each data
row's eight cells and the profile id, as our parser does. Prints one JSON line per run:
{"rows": N, "seconds": S}. Reading the files is not timed.

usage: /usr/bin/python3 parse-bs4.py <pages-dir> <runs>
"""
import json
import pathlib
import re
import sys
import time

from bs4 import BeautifulSoup

PIN = re.compile(r"[?&]id=(\d+)", re.I)


def parse(html):
    soup = BeautifulSoup(html, "html.parser")
    table = soup.find("table", class_="searchResultTable")
    rows = []
    for tr in table.find_all("tr"):
        cells = tr.find_all("td", recursive=False)
        if len(cells) != 8:
            continue
        link = cells[0].find("a") or cells[1].find("a")
        match = PIN.search(link.get("href", "")) if link else None
        rows.append({
            "cells": [cell.get_text().strip() for cell in cells],
            "pin": match.group(1) if match else None,
        })
    return rows


def main():
    pages = [path.read_text(encoding="utf-8") for path in sorted(pathlib.Path(sys.argv[1]).glob("*.html"))]
    for _ in range(int(sys.argv[2])):
        started = time.perf_counter()
        count = sum(len(parse(html)) for html in pages)
        print(json.dumps({"rows": count, "seconds": time.perf_counter() - started}), flush=True)


main()
