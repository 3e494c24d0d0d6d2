#!/usr/bin/env python3
"""Generate the HB site's Markdown pages (docs/) from the YAML records (projects/).

Run `python build_pages.py --help` for the commands; the pipeline lives in hbsite/.
"""
import sys

from hbsite.cli import main

if __name__ == "__main__":
    sys.exit(main())
