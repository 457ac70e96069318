"""What people read about the warehouse: the static HTML report (``html_report``), the
``frontline status`` summary (``status``) and the failed-run webhook message (``alerts``)."""
