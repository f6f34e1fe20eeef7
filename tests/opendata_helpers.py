"""Small procurement data files for the open data tests, written by hand so their facts are known.

Three processes of 2024: a (open, 3 tenderers, closes 01-31, award 02-10 to acme), b (direct,
1 tenderer, closes 02-15, award 02-20 to acme again), c (open, 2 tenderers, closes 04-20, award
04-30 to bolt). So Q1 has 2 processes (mean tenderers 2, half single-bid, half open), Q2 one.
"""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from cohorts.opendata import services

PROCESSES = [
    ("a", "open", 3, "2024-01-02", "2024-01-31", "2024-02-10", "acme"),
    ("b", "direct", 1, "2024-02-01", "2024-02-15", "2024-02-20", "acme"),
    ("c", "open", 2, "2024-04-01", "2024-04-20", "2024-04-30", "bolt"),
]


def releases(prefix="ocds-test", processes=PROCESSES):
    items = []
    for key, method, tenderers, start, end, awarded, supplier in processes:
        ocid = f"{prefix}-{key}"
        items.append(
            {
                "ocid": ocid,
                "id": f"{ocid}-1",
                "date": start,
                "tag": ["tender", "award"],
                "tender": {
                    "id": ocid,
                    "procurementMethod": method,
                    "numberOfTenderers": tenderers,
                    "tenderPeriod": {"startDate": start, "endDate": end},
                    "value": {"amount": 1000, "currency": "USD"},
                },
                "parties": [
                    {"id": supplier, "name": supplier.title(), "identifier": {"id": f"{supplier}-1"}}
                ],
                "awards": [
                    {
                        "id": f"{ocid}-award",
                        "date": awarded,
                        "status": "active",
                        "value": {"amount": 900, "currency": "USD"},
                        "suppliers": [{"id": supplier, "name": supplier.title()}],
                    }
                ],
            }
        )
    return items


def package(prefix="ocds-test", processes=PROCESSES) -> bytes:
    return json.dumps(
        {"uri": "https://example.org/data.json", "releases": releases(prefix, processes)}
    ).encode()


def many_processes(count, prefix="ocds-many"):
    """`count` processes like those above, spread over 2024."""
    return [
        (
            f"p{number}",
            "open" if number % 2 else "direct",
            number % 4 + 1,
            f"2024-{number % 12 + 1:02d}-01",
            f"2024-{number % 12 + 1:02d}-10",
            f"2024-{number % 12 + 1:02d}-20",
            f"supplier{number % 5}",
        )
        for number in range(count)
    ]


def json_lines(prefix="ocds-lines") -> bytes:
    return b"\n".join(json.dumps(item).encode() for item in releases(prefix)) + b"\n"


#: A contracts spreadsheet with Spanish headings, as a city exports it.
SPANISH_CSV = (
    "Número de proceso;Objeto;Modalidad;Fecha de publicación;Fecha de cierre;Número de ofertas;"
    "Proveedor;RFC del proveedor;Fecha de adjudicación;Monto adjudicado\n"
    "EXP-1;Papelería;Licitación pública;02/01/2024;31/01/2024;3;Acme SA;ACM010101AAA;10/02/2024;1.000,50\n"
    "EXP-2;Limpieza;Adjudicación directa;01/02/2024;15/02/2024;1;Acme SA;ACM010101AAA;20/02/2024;500\n"
).encode()


def upload(name, content: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def give(team, user, name="data.json", content=None, source=None, source_name="City data"):
    """Upload a file through the service (a release package unless told otherwise)."""
    return services.data_upload(
        team=team,
        user=user,
        file=upload(name, package() if content is None else content),
        source=source,
        name="" if source else source_name,
    )
