"""The time zones people choose from: real places, grouped by region, with their offset today.

Of the ~600 names the installed tz database knows (`languages.time_zone_names`, which every
stored value is still checked against), a picker offers the ones of the tz database's own
country table, zone.tab: one or more zones per country, named after a city (“America/Bogota”),
without the legacy aliases (“US/Eastern”, “Asia/Calcutta”), the POSIX-style rules (“EST5EDT”),
the fixed offsets (“Etc/GMT+5”) or the placeholders (“Factory”, “localtime”); UTC is offered too.
A browser that reports a legacy alias is led to the zone it now stands for (`time_zone_aliases`).
"""

import importlib.resources
import unicodedata
import zoneinfo
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import get_timezone_location
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.languages import time_zone_label, time_zone_names

#: The regions of the offered zones (their names' first part), in the order a picker shows them.
REGIONS = {
    "America": _("Americas"),
    "Europe": _("Europe"),
    "Africa": _("Africa"),
    "Asia": _("Asia"),
    "Australia": _("Australia"),
    "Pacific": _("Pacific"),
    "Atlantic": _("Atlantic Ocean"),
    "Indian": _("Indian Ocean"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
}
UNIVERSAL = "UTC"
UNIVERSAL_GROUP = _("Universal time")
UNIVERSAL_LABEL = _("Coordinated Universal Time (UTC)")
#: A saved zone no longer offered (a legacy alias) is shown first, in a group of its own.
SAVED_GROUP = _("Your saved time zone")


def _tzdata_text(name):
    """The text of tz database file `name` (zone.tab, tzdata.zi): from the tzdata package the
    project depends on, else from the system's zoneinfo directories; None if neither has it."""
    try:
        return importlib.resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    for directory in zoneinfo.TZPATH:
        path = Path(directory) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


@cache
def _links():
    """{link: target} of the tz database's links (its aliases), from tzdata.zi's `L` lines."""
    text = _tzdata_text("tzdata.zi") or ""
    return {
        parts[2]: parts[1]
        for parts in (line.split() for line in text.splitlines())
        if len(parts) == 3 and parts[0] == "L"
    }


def _is_place(name):
    return "/" in name and name.split("/", 1)[0] in REGIONS and name not in _links()


@cache
def offered_time_zones():
    """The names a picker offers (a frozenset): zone.tab's zones the installed database has, and UTC.

    Without zone.tab (a system without the table), the names under a region that are not links.
    """
    known = time_zone_names()
    table = _tzdata_text("zone.tab")
    if table:
        places = {
            line.split("\t")[2]
            for line in table.splitlines()
            if line.strip() and not line.startswith("#") and len(line.split("\t")) >= 3
        }
    else:
        places = {name for name in known if _is_place(name)}
    return frozenset((places | {UNIVERSAL}) & known)


@cache
def time_zone_aliases():
    """{name not offered: the offered zone it stands for}, for a browser that reports an alias
    (Chromium says “Asia/Calcutta” for Asia/Kolkata): names linked to each other in the tz
    database stand for the offered one among them."""
    offered = offered_time_zones()
    parent = {}

    def root(name):
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    # Greenwich Mean Time's names are UTC's for anyone picking a zone.
    for link, target in {**_links(), "Etc/GMT": "Etc/UTC"}.items():
        parent[root(link)] = root(target)
    members = {}
    for name in set(parent) | set(parent.values()):
        members.setdefault(root(name), set()).add(name)
    aliases = {}
    for names in members.values():
        chosen = sorted(names & offered)
        if chosen:
            aliases.update(dict.fromkeys(names - offered, chosen[0]))
    return aliases


@lru_cache(maxsize=4096)
def _city(name, language):
    """The place a zone is named after, in `language` (CLDR's exemplar city: “Nueva York”)."""
    if name == UNIVERSAL:
        with translation.override(language):
            return str(UNIVERSAL_LABEL)
    try:
        city = get_timezone_location(name, locale=language.replace("-", "_"), return_city=True)
    except (LookupError, ValueError):
        city = ""
    return city or name.rsplit("/", 1)[-1].replace("_", " ")


def _sort_key(text):
    """Places in alphabetical order whatever their accents (“Ámsterdam” among the A's)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def format_offset(offset):
    """“UTC−05:00”, “UTC+05:30”, “UTC+00:00” (with a true minus sign)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "−" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _offset(name, now):
    return now.astimezone(zoneinfo.ZoneInfo(name)).utcoffset()


def time_zone_option_label(name, *, now=None, language=None):
    """“(UTC−05:00) New York”: the zone's offset at `now` (by default, now) and its place, in
    `language` (by default, the active one). A name no longer offered keeps its own name."""
    now = now or timezone.now()
    language = language or get_language() or "en"
    place = _city(name, language) if name in offered_time_zones() else time_zone_label(name)
    return f"({format_offset(_offset(name, now))}) {place}"


def time_zone_groups(*, keep=None, now=None):
    """Choices for a select: [(region, [(name, label), …]), …], the regions in REGIONS' order, each
    region's zones by their offset now, then by place; UTC last. `keep` (a saved value no longer
    offered, but still a valid zone) comes first so that saving a form never changes it silently."""
    now = now or timezone.now()
    language = get_language() or "en"
    by_region = {region: [] for region in REGIONS}
    for name in offered_time_zones() - {UNIVERSAL}:
        offset = _offset(name, now)
        label = time_zone_option_label(name, now=now, language=language)
        by_region[name.split("/", 1)[0]].append((offset, _sort_key(_city(name, language)), name, label))
    groups = []
    if keep and keep not in offered_time_zones() and keep in time_zone_names():
        groups.append((str(SAVED_GROUP), [(keep, time_zone_option_label(keep, now=now, language=language))]))
    for region, zones in by_region.items():
        if zones:
            groups.append((str(REGIONS[region]), [(name, label) for _o, _c, name, label in sorted(zones)]))
    if UNIVERSAL in offered_time_zones():
        groups.append(
            (
                str(UNIVERSAL_GROUP),
                [(UNIVERSAL, time_zone_option_label(UNIVERSAL, now=now, language=language))],
            )
        )
    return groups
