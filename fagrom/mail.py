"""E-mail in development: each message is saved in a file and logged as one line.

The console backend printed every e-mail whole (``make run`` showed some 1 200 lines of
them); here ``var/mail/`` keeps them for reading and the log says who got what.
"""

import logging

from django.core.mail.backends.filebased import EmailBackend as FileBackend

logger = logging.getLogger("fagrom.mail")


class DevelopmentEmailBackend(FileBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        for message in email_messages or []:
            logger.info(
                "E-post til %s: «%s» (lagret i %s)",
                ", ".join(message.to),
                message.subject,
                self._fname,
            )
        return sent
