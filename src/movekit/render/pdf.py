"""HTML to PDF through WeasyPrint, which is imported here and only when a PDF is asked for.

WeasyPrint gets a URL fetcher that reads files from the plan's own folder and nothing
else: no network, ever, and no file outside the folder, whatever a template asks for.

The PDF is tagged for screen readers (WeasyPrint's PDF/UA-1 variant: a structure tree,
the document's language from `<html lang>` and its title from `<title>`), and it opens
with its bookmarks panel showing.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from movekit.errors import MovekitError

PANGO_HELP = (
    "PDF output needs WeasyPrint and the Pango text library. Install Pango with your "
    "system's packages: `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0` (Debian, "
    "Ubuntu), `sudo dnf install pango` (Fedora), `brew install pango` (macOS); on Windows "
    "follow WeasyPrint's installation guide. Markdown and HTML output work without it."
)


@dataclass
class FolderOnly:
    """Decides which URLs WeasyPrint may read: data: URLs and files inside `folder`."""

    folder: Path
    refused: list[str] = field(default_factory=list)

    def local_file(self, url: str) -> Path | None:
        """The file a URL names, when it is allowed; None (and noted) when it is not."""
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(url2pathname(unquote(parts.path))).resolve()
            if path.is_relative_to(self.folder.resolve()) and path.is_file():
                return path
        if url not in self.refused:
            self.refused.append(url)
        return None


def _weasyprint() -> ModuleType:
    try:
        with warnings.catch_warnings():  # a note for WeasyPrint's packagers, not our users
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint  # type: ignore[import-untyped]
    except ImportError as error:
        missing = (
            "WeasyPrint is not installed: pip install weasyprint. "
            if error.name == "weasyprint"
            else ""
        )
        raise MovekitError(f"{missing}{PANGO_HELP} ({error})") from error
    except OSError as error:  # WeasyPrint loads Pango with ctypes when imported
        raise MovekitError(f"{PANGO_HELP} ({error})") from error
    module: ModuleType = weasyprint
    return module


PDF_OPTIONS: dict[str, object] = {"pdf_variant": "pdf/ua-1"}
"""WeasyPrint's options: PDF/UA-1 tags the PDF (structure tree, /MarkInfo, /Lang, the
title shown in the window's title bar) and writes the matching XMP metadata."""


def open_with_bookmarks(_document: object, pdf: Any) -> None:
    """A WeasyPrint finisher: the PDF opens with its bookmarks (outline) panel showing."""
    pdf.catalog["PageMode"] = "/UseOutlines"


def _fetcher(weasyprint: ModuleType, policy: FolderOnly) -> Any:
    """A WeasyPrint URLFetcher that asks `policy` before reading anything."""
    urls = weasyprint.urls
    base: type[Any] = urls.URLFetcher

    class Fetcher(base):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = policy.local_file(url)
            if path is None:
                raise ValueError(f"movekit does not fetch {url}: only files in the plan's folder")
            return urls.URLFetcherResponse(path.as_uri(), path.read_bytes())

    return Fetcher(allowed_protocols=("data", "file"), allow_redirects=False)


def creation_time(as_of: dt.date) -> dt.datetime:
    """The PDF's creation time: SOURCE_DATE_EPOCH when set (reproducible builds), else the
    start of the day of the plan's data, so the same plan and --today give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise MovekitError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from error


@contextmanager
def _fixed_clock(moment: dt.datetime) -> Iterator[None]:
    """SOURCE_DATE_EPOCH for the libraries WeasyPrint calls: fontTools stamps the fonts it
    embeds with the current time unless this variable says otherwise."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    # The variable holds seconds since 1970 and fonts cannot be dated before 1904: a plan
    # as of an earlier day (--today 0001-01-01) stamps the fonts 1970-01-01.
    os.environ["SOURCE_DATE_EPOCH"] = str(max(0, int(moment.timestamp())))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def pdf_bytes(html: str, folder: Path, as_of: dt.date) -> tuple[bytes, list[str]]:
    """The PDF of `html`, whose relative links point into `folder`, and the URLs refused."""
    weasyprint = _weasyprint()
    policy = FolderOnly(folder)
    base = folder.resolve().as_uri() + "/"
    moment = creation_time(as_of)
    page = weasyprint.HTML(string=html, base_url=base, url_fetcher=_fetcher(weasyprint, policy))
    with _fixed_clock(moment):
        document = page.render(**PDF_OPTIONS)
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        document.metadata.created = document.metadata.modified = stamp
        data: bytes = document.write_pdf(finisher=open_with_bookmarks, **PDF_OPTIONS)
    return data, policy.refused
