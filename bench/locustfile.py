"""Ruta under load: signed-in people per role walking the pages of issue #17, and the floor.

bench/run drives it headless; by hand, after bench/run has written a plan:

    BENCH_PLAN=bench/results/plan.json locust -f bench/locustfile.py --host http://127.0.0.1:8000 \
        --headless -u 10 -r 10 -t 30s Participant Coach Staff Anonymous Floor     # the mixed walk
    BENCH_PLAN=... BENCH_PAGE="progress" locust ... SinglePage                   # one page alone

Requests are named after the page (the stats' Name column), and the server's query counter
(BENCH_QUERY_LOG, the X-Query-Count header) is collected per page into BENCH_QUERIES_OUT.
"""

import json
import os
import random
import statistics
from collections import defaultdict

import gevent
from locust import FastHttpUser, constant, events, task

PLAN = json.loads(open(os.environ.get("BENCH_PLAN", "bench/results/plan.json")).read())  # noqa: SIM115
QUERIES = defaultdict(lambda: defaultdict(list))  # page name: address: queries of each request


@events.request.add_listener
def count_queries(name, url=None, response=None, exception=None, **kwargs):
    if response is not None and exception is None and "X-Query-Count" in response.headers:
        QUERIES[name][url].append(int(response.headers["X-Query-Count"]))


@events.quitting.add_listener
def write_query_counts(environment, **kwargs):
    """Per page: the fewest and most queries of any request, and the largest of the medians per
    address (people's pages differ: a track team's home shows its MOU and phases, a sprint team's
    does not; the median of all requests would follow the mix, the per-address medians do not)."""
    out = os.environ.get("BENCH_QUERIES_OUT")
    if not out:
        return
    summary = {}
    for name, by_url in QUERIES.items():
        counts = [count for url_counts in by_url.values() for count in url_counts]
        summary[name] = {
            "min": min(counts),
            "typical": max(statistics.median(url_counts) for url_counts in by_url.values()),
            "max": max(counts),
            "n": len(counts),
        }
    with open(out, "w") as handle:
        json.dump(summary, handle, indent=2)


#: Seconds a person reads a page before the next (uniform between the two): people, not loops.
THINK_SECONDS = tuple(float(s) for s in os.environ.get("BENCH_THINK_SECONDS", "1 3").split())


class RutaUser(FastHttpUser):
    """FastHttpUser (geventhttpclient): the load generator shares the machine, so it must be cheap.

    People walking their pages read each one for THINK_SECONDS before the next; SinglePage asks
    again as soon as it has its answer (a closed loop, for the page's throughput)."""

    abstract = True
    wait_time = constant(0)
    thinks = True
    session = None
    headers = None

    def on_start(self):
        # The session cookie as a header: production marks it Secure, and this is plain HTTP on loopback.
        self.headers = {"Cookie": f"sessionid={self.session}"} if self.session else {}

    def visit(self, name, path):
        with self.client.get(
            path, name=name, headers=self.headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")
        if self.thinks:
            gevent.sleep(random.uniform(*THINK_SECONDS))  # noqa: S311 -- not security


class Floor(RutaUser):
    """A trivial view through the same stack: one cheap query, no template, no session."""

    weight = 1

    @task
    def healthz(self):
        for name, path in PLAN["floor"].items():
            self.visit(name, path)


class Anonymous(RutaUser):
    """A visitor reading the public site in one language, as it comes (no cookies)."""

    weight = 3

    @task
    def read_the_programs(self):
        language = random.choice(["en", "es"])  # noqa: S311 -- not security
        self.visit(f"home ({language})", PLAN["anonymous"][f"home ({language})"])
        self.visit(f"program page ({language})", PLAN["anonymous"][f"program page ({language})"])


class Participant(RutaUser):
    """A team member: the team home, the week's schedule, an assignment, progress, the bell."""

    weight = 5

    def on_start(self):
        person = random.choice(PLAN["participants"])  # noqa: S311 -- not security
        self.session, self.pages = person["session"], person["pages"]
        super().on_start()

    @task(10)
    def weekly_visit(self):
        for name in ("workspace home", "schedule", "assignment editor", "progress", "notifications"):
            self.visit(name, self.pages[name])

    @task(3)
    def calendar_app_polls(self):
        self.visit("calendar feed", self.pages["calendar feed"])

    @task(1)
    def report_and_application(self):
        self.visit("progress report PDF", self.pages["progress report PDF"])
        self.visit("application form", self.pages["application form"])


class Coach(RutaUser):
    """A coach in the Wagtail admin: the dashboard with the coach panel, TA sessions, reviews."""

    weight = 1

    def on_start(self):
        self.session = PLAN["coach"]["session"]
        super().on_start()

    @task
    def coaching_round(self):
        for name, path in PLAN["coach"]["pages"].items():
            self.visit(name, path)


class Staff(RutaUser):
    """Program staff: the admin home, the RDC heatmap, applications, every TA session."""

    weight = 1

    def on_start(self):
        self.session = PLAN["staff"]["session"]
        super().on_start()

    @task
    def reporting_round(self):
        for name, path in PLAN["staff"]["pages"].items():
            self.visit(name, path)


def single_page(label):
    """(session, path) of the page named `label` in the plan."""
    for name, path in {**PLAN["floor"], **PLAN["anonymous"]}.items():
        if name == label:
            return None, path
    for person in PLAN["participants"][:1]:
        if label in person["pages"]:
            return person["session"], person["pages"][label]
    for role in ("coach", "staff"):
        if label in PLAN[role]["pages"]:
            return PLAN[role]["session"], PLAN[role]["pages"][label]
    raise KeyError(label)


class SinglePage(RutaUser):
    """Every user asks for one page (BENCH_PAGE), as often as the server answers: its throughput."""

    thinks = False

    def on_start(self):
        self.label = os.environ["BENCH_PAGE"]
        self.session, self.path = single_page(self.label)
        super().on_start()

    @task
    def ask(self):
        self.visit(self.label, self.path)


def all_pages():
    """Every page label the plan names, the floor first."""
    labels = [*PLAN["floor"], *PLAN["anonymous"], *PLAN["participants"][0]["pages"]]
    return labels + [*PLAN["coach"]["pages"], *PLAN["staff"]["pages"]]
