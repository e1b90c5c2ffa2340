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

with DAG(
    dag_id="runbook_checks",
    description="The runbook's read-only checks, their reports, and the site with the results",
    schedule="17 * * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 0},
    params={"environment": "prod", "reports_root": REPORTS_ROOT},
    tags=["runbook"],
) as dag:
    run_checks = BashOperator(
        task_id="run_checks",
        bash_command=RUN_CHECKS,
        cwd=PROJECT_DIR,
        env={"RUNBOOK_ENV": "{{ params.environment }}", "REPORTS_DIR": "{{ params.reports_root }}/{{ ts_nodash }}"},
        append_env=True,
    )
    publish_site = BashOperator(
        task_id="publish_site",
        bash_command=PUBLISH_SITE,
        cwd=PROJECT_DIR,
        env={"SITE_DIR": SITE_DIR},
        append_env=True,
        trigger_rule="all_done",
    )
    run_checks >> publish_site

with DAG(
    dag_id="runbook_posture",
    description="The runbook's posture sections (5 to 7) once a day, and the site with their results",
    schedule="41 5 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 0},
    params={"environment": "prod", "reports_root": REPORTS_ROOT},
    tags=["runbook", "posture"],
) as posture_dag:
    run_posture = BashOperator(
        task_id="run_posture_checks",
        bash_command=RUN_POSTURE,
        cwd=PROJECT_DIR,
        env={"RUNBOOK_ENV": "{{ params.environment }}", "REPORTS_DIR": "{{ params.reports_root }}/posture-{{ ts_nodash }}"},
        append_env=True,
    )
    publish_posture = BashOperator(
        task_id="publish_site",
        bash_command=PUBLISH_SITE,
        cwd=PROJECT_DIR,
        env={"SITE_DIR": SITE_DIR},
        append_env=True,
        trigger_rule="all_done",
    )
    run_posture >> publish_posture
