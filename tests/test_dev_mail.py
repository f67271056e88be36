"""Development e-mail: kept in a file, announced in one log line (not printed whole)."""

import logging

from django.core.mail import get_connection, send_mail


def test_development_mail_goes_to_a_file_and_one_log_line(tmp_path, caplog):
    connection = get_connection("fagrom.mail.DevelopmentEmailBackend", file_path=str(tmp_path))
    with caplog.at_level(logging.INFO, logger="fagrom.mail"):
        send_mail("Ny tråd", "Hei Kari,\nlang tekst", None, ["kari@nav.no"], connection=connection)
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and "lang tekst" in files[0].read_text()
    lines = [r.getMessage() for r in caplog.records if r.name == "fagrom.mail"]
    assert lines == [f"E-post til kari@nav.no: «Ny tråd» (lagret i {files[0]})"]
