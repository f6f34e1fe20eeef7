"""A task for tests/test_production_multi_instance.py: each run appends a line to a shared file, so
a task that two workers both ran shows up twice."""

import os
import time

from django_tasks import task


@task()
def record_run(path, number):
    with open(path, "a") as runs:  # appends of one short line each are atomic
        runs.write(f"{number} {os.getpid()}\n")
    time.sleep(0.05)  # long enough that both workers are busy at once
    return number
