"""`archgen prices` (every price with its source and read date) and `archgen prices update --from`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.cli.common import err, option, out, write_output
from generator.cli.cost import TableFormat, table_format_option
from generator.errors import ArchgenError, UsageError

catalogue_option = option("--catalogue", help="Price catalogue file (default: archgen's own).")


def _catalogue_path(path: Path | None) -> Path:
    from generator.catalogue.prices import DEFAULT_PATH

    return DEFAULT_PATH if path is None else path


def _catalogue_text(path: Path) -> str:
    """The catalogue file's text, read once; a missing, unreadable or non-UTF-8 file is a clear error."""
    if not path.is_file():
        raise UsageError(f"no price catalogue at {path.as_posix()}", hint="give --catalogue an existing file")
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ArchgenError(f"cannot read {path.as_posix()}: {exc.strerror}", hint="check its permissions") from None
    except UnicodeDecodeError as exc:
        raise ArchgenError(
            f"{path.as_posix()} is not UTF-8 text (byte {exc.start})", hint="save the catalogue as UTF-8"
        ) from None


def _parse(text: str, path: Path):
    """The catalogue in `text`, validated with locations in `path`."""
    from generator.catalogue.prices import catalogue_display, parse_catalogue

    return parse_catalogue(text.encode(), catalogue_display(path))


@click.group(invoke_without_command=True)
@table_format_option
@catalogue_option
@option("--max-age-days", help="Flag prices read longer ago than this.", default=180, type=click.IntRange(min=1))
@click.pass_context
def prices(ctx: click.Context, fmt: TableFormat, catalogue: Path | None, max_age_days: int) -> None:
    """List every price: id, what it bills, USD, its source page or offer file and the date it was read.

    `prices update --from` refreshes them."""
    if ctx.invoked_subcommand is not None:
        return
    from generator.clock import build_date
    from generator.render.tables import to_markdown, to_text
    from generator.views.prices_view import price_rows, prices_table

    path = _catalogue_path(catalogue)
    # aged against the same date a build uses (SOURCE_DATE_EPOCH when set), so both flag the same prices
    rows = price_rows(_parse(_catalogue_text(path), path), build_date(), max_age_days)
    if fmt is TableFormat.json:
        out.print(json.dumps([r._asdict() for r in rows], indent=2), markup=False)
        return
    table = prices_table(rows)
    out.print(to_markdown(table) if fmt is TableFormat.markdown else to_text(table), markup=False, end="")
    stale = [r for r in rows if r.stale]
    if stale:
        err.print(
            f"{len(stale)} price(s) read more than {max_age_days} days ago: refresh them "
            "(`archgen prices update --from ...`) or check them against their pages",
            markup=False,
        )


def _offer_reader(source: str):
    """(code, region) -> parsed offer, from a folder laid out like AWS's offer URLs or from such a URL."""
    cache: dict[tuple[str, str], dict] = {}

    def read(code: str, region: str) -> dict:
        if (code, region) not in cache:
            cache[(code, region)] = _read_offer(source, code, region)
        return cache[(code, region)]

    return read


def _read_offer(source: str, code: str, region: str) -> dict:
    if source.startswith("https://"):
        import urllib.request  # imported here: only a refresh from AWS's URLs needs it, not every command

        url = f"{source.rstrip('/')}/{code}/current/{region}/index.json"
        try:
            with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - https only
                data = response.read()
        except OSError as exc:
            raise LookupError(f"cannot read {url}: {exc}") from None
    else:
        base = Path(source)
        tried = [base / code / "current" / region / "index.json", base / code / region / "index.json"]
        found = next((p for p in tried if p.is_file()), None)
        if found is None:
            raise LookupError(f"no offer file for {code} in {region}: looked for {tried[0].as_posix()}")
        data = found.read_bytes()
    try:
        offer = json.loads(data)
    except ValueError as exc:
        raise LookupError(f"the {code} offer for {region} is not JSON: {exc}") from None
    if not isinstance(offer, dict) or "products" not in offer:
        raise LookupError(f"the {code} offer for {region} has no `products`: not an AWS offer file")
    return offer


@prices.command("update")
@option(
    "--from",
    "source",
    help="A folder laid out like AWS's offer files (CODE/current/REGION/index.json) or their https base URL.",
    type=str,
    required=True,
)
@catalogue_option
@option("--dry-run", help="Show what would change; write nothing.", is_flag=True)
def update(source: str, catalogue: Path | None, dry_run: bool) -> None:
    """Refresh every price that names its offer file; the catalogue is rewritten only if all are found."""
    from generator.catalogue.refresh import entry_line, refresh

    if not source.startswith("https://") and not Path(source).is_dir():
        raise UsageError(f"--from {source!r} is neither a folder nor an https URL", hint="give the offer files' folder")
    path = _catalogue_path(catalogue)
    text = _catalogue_text(path)
    result = refresh(text, _parse(text, path), _offer_reader(source))
    for price_id, problem in result.problems:
        err.print(f"{path.as_posix()}:{entry_line(text, price_id)}:5 P001 {price_id}: {problem}", markup=False)
    if result.problems:
        raise ArchgenError(
            f"{len(result.problems)} price(s) not found in the offer files; the catalogue is unchanged",
            hint="fix the selectors (offer: code/match/begin) or the offer folder, then run again",
        )
    for item in result.refreshed:
        mark = f"{item.old_usd} -> {item.new_usd}" if item.changed else f"{item.new_usd} (unchanged)"
        out.print(f"{item.id}: {mark}  [{item.read}, {item.source}]", markup=False)
    out.print(
        f"{len(result.refreshed)} price(s) from offer files, {sum(i.changed for i in result.refreshed)} changed; "
        f"{len(result.without_selector)} hand-entered price(s) kept with their page and read date",
        markup=False,
    )
    if dry_run:
        return
    _parse(result.text, path)  # the rewritten text must still be a catalogue, checked before it is written
    write_output(path, result.text.encode())


def register(group: click.Group) -> None:
    group.add_command(prices)
