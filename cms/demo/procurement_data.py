"""Procurement data for the demo cities, generated (never copied) as cities publish it.

A city's contracting processes over periods, each period with a competition profile (how many
tenderers, how many single bids and direct awards, how many new suppliers, how long to award), as
OCDS releases (a tender release, half of them naming who bid, and an award release per process,
planning and contracts and sometimes payments), or as the contracts spreadsheet many cities
export. Writers stream, one process at a time, so the large files of the tests take no more memory
than the small ones.
"""

import csv
import datetime
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """How competitive a city's contracting is over a period."""

    mean_tenderers: float
    single_bid: float  # share of competitive tenders with one tenderer
    direct: float  # share of direct awards
    new_suppliers: float  # share of awards to a supplier never awarded before
    days_to_award: int  # typical days from tender close to award


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # not included
    processes: int
    profile: Profile


ITEMS = {
    "en": [
        "Office supplies",
        "Road resurfacing",
        "IT support services",
        "Park maintenance",
        "Vehicle fleet repairs",
        "Water meter replacement",
        "School meals",
        "Street lighting upgrade",
        "Cleaning services",
        "Software licences",
    ],
    "es": [
        "Papelería y útiles de oficina",
        "Repavimentación de calles",
        "Soporte informático",
        "Mantenimiento de parques",
        "Reparación de la flota vehicular",
        "Sustitución de medidores de agua",
        "Alimentación escolar",
        "Modernización del alumbrado público",
        "Servicios de limpieza",
        "Licencias de software",
    ],
}
SUPPLIER_WORDS = [
    "Andes",
    "Bahía",
    "Cedro",
    "Delta",
    "Faro",
    "Horizonte",
    "Lago",
    "Norte",
    "Puente",
    "Sierra",
]
SUPPLIER_KINDS = ["Services", "Construction", "Supplies", "Solutions", "Group", "Partners"]


#: The competitive methods of the OCDS codelist, about as often as cities use them.
COMPETITIVE_METHODS = ["open"] * 7 + ["selective"] * 2 + ["limited"]


def _day(value: datetime.date) -> str:
    return f"{value.isoformat()}T00:00:00Z"


def _party(supplier, role):
    """A supplier of the city's pool as a party of a release (its tax number when it has one)."""
    party_id, name, tax_id = supplier
    party = {"id": party_id, "name": name, "roles": [role]}
    if tax_id:
        party["identifier"] = {"scheme": "XX-TAX", "id": tax_id}
    return party


class _City:
    """The state a city's generator keeps: its suppliers, and which have been awarded before."""

    def __init__(self, ocid_prefix, language, seed, incumbents):
        self.prefix = ocid_prefix
        self.language = language
        self.random = random.Random(seed)  # noqa: S311 (made-up data, the same for a seed)
        self.suppliers = []  # (party id, name, tax id or "")
        for _number in range(incumbents):  # the city's usual suppliers, before the data begins
            self._new_supplier()
        self.number = 0

    def _new_supplier(self):
        number = len(self.suppliers) + 1
        name = f"{self.random.choice(SUPPLIER_WORDS)} {self.random.choice(SUPPLIER_KINDS)} {number}"
        tax_id = "" if self.random.random() < 0.04 else f"TX-{self.random.randint(10**7, 10**8 - 1)}"
        supplier = (f"supplier-{number}", name, tax_id)
        self.suppliers.append(supplier)
        return supplier

    def _supplier(self, profile):
        if not self.suppliers or self.random.random() < profile.new_suppliers:
            return self._new_supplier()
        return self.random.choice(self.suppliers)

    def _bidders(self, winner, count):
        """The suppliers who bid, the winner among them: others from the city's pool, new ones
        when the pool is too small."""
        pool = self.random.sample(self.suppliers, min(count, len(self.suppliers)))
        others = [supplier for supplier in pool if supplier != winner][: count - 1]
        while len(others) < count - 1:
            others.append(self._new_supplier())
        bidders = [winner, *others]
        self.random.shuffle(bidders)
        return bidders

    def _tenderers(self, profile, method):
        if method == "direct":
            return 1
        if self.random.random() < profile.single_bid:
            return 1
        return max(2, round(self.random.gauss(profile.mean_tenderers + profile.single_bid, 1.1)))

    def process(self, period: Period) -> list[dict]:
        """One contracting process as its releases: the tender, then the award and contract."""
        rand, profile = self.random, period.profile
        self.number += 1
        ocid = f"{self.prefix}-{self.number:06d}"
        span = (period.end - period.start).days
        start = period.start + datetime.timedelta(days=rand.randrange(max(span - 45, 1)))
        close = start + datetime.timedelta(days=rand.randint(10, 30))
        method = "direct" if rand.random() < profile.direct else rand.choice(COMPETITIVE_METHODS)
        tenderers = self._tenderers(profile, method)
        wait = max(1, round(rand.gauss(profile.days_to_award, profile.days_to_award / 4)))
        if rand.random() < 0.02:  # a data entry slip: the award dated before the tender closed
            wait = -rand.randint(1, 5)
        last_day = period.end - datetime.timedelta(days=1)  # nothing is dated after the period
        awarded = min(close + datetime.timedelta(days=wait), last_day)
        signed = min(awarded + datetime.timedelta(days=rand.randint(2, 12)), last_day)
        estimate = round(rand.lognormvariate(11, 1.1), 2)
        amount = round(estimate * rand.uniform(0.8, 1.02), 2)
        party_id, supplier_name, tax_id = self._supplier(profile)
        title = rand.choice(ITEMS[self.language])
        buyer = {"id": "buyer", "name": "City procurement office", "roles": ["buyer", "procuringEntity"]}
        tender = {
            "ocid": ocid,
            "id": f"{ocid}-tender",
            "date": _day(start),
            "tag": ["tender"],
            "initiationType": "tender",
            "parties": [buyer],
            "buyer": {"id": "buyer", "name": buyer["name"]},
            "tender": {
                "id": f"{ocid}-t",
                "title": title,
                "status": "complete",
                "procurementMethod": method,
                "value": {"amount": estimate, "currency": "USD"},
                "tenderPeriod": {"startDate": _day(start), "endDate": _day(close)},
                "numberOfTenderers": tenderers,
            },
        }
        if rand.random() < 0.7:
            budget = {"id": f"{ocid}-b", "amount": {"amount": estimate, "currency": "USD"}}
            tender["planning"] = {"budget": budget}
        if rand.random() < 0.5:  # half the tenders list who bid; a few of those give no count
            bidders = self._bidders((party_id, supplier_name, tax_id), tenderers)
            tender["tender"]["tenderers"] = [{"id": bidder[0], "name": bidder[1]} for bidder in bidders]
            tender["parties"] = [buyer, *(_party(bidder, "tenderer") for bidder in bidders)]
            if rand.random() < 0.1:
                del tender["tender"]["numberOfTenderers"]
        supplier = _party((party_id, supplier_name, tax_id), "supplier")
        contract = {
            "id": f"{ocid}-c",
            "awardID": f"{ocid}-a",
            "status": "active",
            "dateSigned": _day(signed),
            "value": {"amount": amount, "currency": "USD"},
        }
        paid = signed + datetime.timedelta(days=30)
        if rand.random() < 0.4 and paid <= last_day:
            contract["implementation"] = {
                "transactions": [
                    {
                        "id": f"{ocid}-p1",
                        "date": _day(paid),
                        "value": {"amount": round(amount / 2, 2), "currency": "USD"},
                    }
                ]
            }
        award = {
            "ocid": ocid,
            "id": f"{ocid}-award",
            "date": _day(awarded),
            "tag": ["award", "contract"],
            "parties": [supplier],
            "awards": [
                {
                    "id": f"{ocid}-a",
                    "date": _day(awarded),
                    "status": "active",
                    "value": {"amount": amount, "currency": "USD"},
                    "suppliers": [{"id": party_id, "name": supplier_name}],
                }
            ],
            "contracts": [contract],
        }
        return [tender, award]


def releases(
    ocid_prefix: str, periods: list[Period], *, language="en", seed=0, incumbents=40
) -> Iterator[dict]:
    """The releases of a city's processes over the periods, one process at a time; `incumbents`
    suppliers win most awards, others are new at the period's rate."""
    city = _City(ocid_prefix, language, seed, incumbents)
    for period in periods:
        for _number in range(period.processes):
            yield from city.process(period)


def write_release_package(path, items: Iterator[dict], *, publisher="Demo city") -> None:
    """An OCDS release package, written as it is generated."""
    with open(path, "w", encoding="utf-8") as handle:
        metadata = {"uri": "https://data.example.org/releases.json", "publisher": {"name": publisher}}
        handle.write(json.dumps({**metadata, "version": "1.1"})[:-1] + ', "releases": [')
        for number, item in enumerate(items):
            handle.write(("," if number else "") + json.dumps(item, ensure_ascii=False))
        handle.write("]}")


def write_json_lines(path, items: Iterator[dict]) -> None:
    """One release per line."""
    with open(path, "w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


SPANISH_HEADINGS = [
    "Número de proceso",
    "Objeto",
    "Modalidad",
    "Fecha de publicación",
    "Fecha de cierre",
    "Número de ofertas",
    "Fecha de adjudicación",
    "Proveedor",
    "RFC/NIT del proveedor",
    "Monto adjudicado",
]
SPANISH_METHODS = {
    "open": "Licitación pública",
    "selective": "Invitación restringida",
    "limited": "Invitación a cuando menos tres personas",
    "direct": "Adjudicación directa",
}


def _spanish_date(value: str) -> str:
    return datetime.date.fromisoformat(value[:10]).strftime("%d/%m/%Y")


def _spanish_amount(value: float) -> str:
    whole, _dot, cents = f"{value:,.2f}".partition(".")
    return f"{whole.replace(',', '.')},{cents}"


def write_contracts_spreadsheet(path, items: Iterator[dict]) -> None:
    """The contracts spreadsheet a Spanish-speaking city exports: one row per process, semicolons,
    day-first dates and decimal commas."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(SPANISH_HEADINGS)
        tender = None
        for item in items:
            if "tender" in item:
                tender = item
                continue
            award = item["awards"][0]
            party = item["parties"][0]
            writer.writerow(
                [
                    item["ocid"],
                    tender["tender"]["title"],
                    SPANISH_METHODS[tender["tender"]["procurementMethod"]],
                    _spanish_date(tender["tender"]["tenderPeriod"]["startDate"]),
                    _spanish_date(tender["tender"]["tenderPeriod"]["endDate"]),
                    tender["tender"].get("numberOfTenderers", len(tender["tender"].get("tenderers", []))),
                    _spanish_date(award["date"]),
                    party["name"],
                    party.get("identifier", {}).get("id", ""),
                    _spanish_amount(award["value"]["amount"]),
                ]
            )
