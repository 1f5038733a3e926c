#!/usr/bin/env python3
"""Checks every internal link of the built guide: the page it points at exists,
and so does the anchor (`page.html#anchor`) when it names one.

Usage: python3 docs/guide/check-links.py docs/guide/book
Exit 1 with one line per broken link, 0 when every link resolves. Links to other
sites are not followed (the guide is built and read offline).
"""

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value and tag == "a":
                self.links.append(value)


def main(root: Path) -> int:
    pages = {}
    for path in root.rglob("*.html"):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = page
    if not pages:
        print(f"no HTML pages under {root}: build the guide first (mdbook build)")
        return 1
    broken = []
    checked = 0
    for path, page in sorted(pages.items()):
        for link in page.links:
            if link.startswith(("http://", "https://", "mailto:", "javascript:")):
                continue
            target, anchor = urldefrag(link)
            if target:
                dest = (path.parent / unquote(target)).resolve()
                if dest.is_dir():
                    dest = dest / "index.html"
            else:
                dest = path
            checked += 1
            # mdBook's own pages (print, 404, search) are not the guide's text.
            where = path.relative_to(root.resolve())
            if dest not in pages:
                if not dest.exists():
                    broken.append(f"{where}: {link}: no such page")
                continue
            if anchor and anchor not in pages[dest].ids:
                broken.append(f"{where}: {link}: no anchor #{anchor} there")
    for line in broken:
        print(line)
    print(f"{checked} internal links checked in {len(pages)} pages, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
