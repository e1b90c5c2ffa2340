"""Runs the runbook's checks on a schedule against one environment, keeps the reports, and publishes the
site with the results next to each step.

To use it: check out this project on the Airflow workers (``RUNBOOK_PROJECT_DIR``) with ``npm ci`` done,
give the workers the environment's read-only credentials (AWS_PROFILE or an instance role, SNOWFLAKE_USER
and SNOWFLAKE_PASSWORD, AIRFLOW_TOKEN, GITHUB_TOKEN), and point ``RUNBOOK_SITE_DIR`` at the folder your web
server serves. The CLI's exit code decides the task's state: 0 nothing failed, 1 a check found a problem,
2 a check could not tell; the site is published either way.

A second DAG, ``runbook_posture``, runs the posture sections once a day (``npm run check -- 5 6 7``:
recovery, best practices, future monitoring). Both DAGs save every run in the project's results store
(``.runbook/results`` in ``RUNBOOK_PROJECT_DIR``), so each site build shows every step's latest result,
the posture steps' from the daily run.
"""

from __future__ import annotations

import os
from datetime import datetime

from airflow import DAG

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

PROJECT_DIR = os.environ.get("RUNBOOK_PROJECT_DIR", "/opt/runbook-as-code")
REPORTS_ROOT = os.environ.get("RUNBOOK_REPORTS_DIR", "/var/lib/runbook/reports")
SITE_DIR = os.environ.get("RUNBOOK_SITE_DIR", "/var/www/runbook")

# One folder of reports per run, named by the run's logical time.
RUN_CHECKS = 'npm run -s check -- --env "$RUNBOOK_ENV" --reporter terminal,json,junit,markdown --output-dir "$REPORTS_DIR"'
# The posture sections: gaps of section 7 (the future) are warnings, so a run exits 0 unless a practice is violated.
RUN_POSTURE = 'npm run -s check -- 5 6 7 --env "$RUNBOOK_ENV" --reporter terminal,json,junit,markdown --output-dir "$REPORTS_DIR"'
PUBLISH_SITE = 'npm run build && mkdir -p "$SITE_DIR" && cp -R build/. "$SITE_DIR"/'

def runbook_dag(dag_id: str, description: str, schedule: str, run_task_id: str, run_command: str, reports: str, tags: list[str]) -> DAG:
    """A DAG that runs the checks (``run_command``), keeps the reports under ``reports``, then publishes the site whatever they found."""
    with DAG(
        dag_id=dag_id,
        description=description,
        schedule=schedule,
        start_date=datetime(2026, 1, 1),
        catchup=False,
        max_active_runs=1,
        default_args={"retries": 0},
        params={"environment": "prod", "reports_root": REPORTS_ROOT},
        tags=tags,
    ) as dag:
        run = BashOperator(
            task_id=run_task_id,
            bash_command=run_command,
            cwd=PROJECT_DIR,
            env={"RUNBOOK_ENV": "{{ params.environment }}", "REPORTS_DIR": "{{ params.reports_root }}/" + reports},
            append_env=True,
        )
        publish = BashOperator(
            task_id="publish_site",
            bash_command=PUBLISH_SITE,
            cwd=PROJECT_DIR,
            env={"SITE_DIR": SITE_DIR},
            append_env=True,
            trigger_rule="all_done",
        )
        run >> publish
    return dag


dag = runbook_dag(
    "runbook_checks",
    "The runbook's read-only checks, their reports, and the site with the results",
    "17 * * * *",
    "run_checks",
    RUN_CHECKS,
    "{{ ts_nodash }}",
    ["runbook"],
)
posture_dag = runbook_dag(
    "runbook_posture",
    "The runbook's posture sections (5 to 7) once a day, and the site with their results",
    "41 5 * * *",
    "run_posture_checks",
    RUN_POSTURE,
    "posture-{{ ts_nodash }}",
    ["runbook", "posture"],
)
