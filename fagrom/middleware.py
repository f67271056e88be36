"""Response headers that hold on every page: Content-Security-Policy and Permissions-Policy."""

from django.conf import settings


def _header_value(policy: dict[str, list[str]], report_uri: str) -> str:
    parts = [f"{directive} {' '.join(sources)}" for directive, sources in policy.items()]
    if report_uri:
        parts.append(f"report-uri {report_uri}")
    return "; ".join(parts)


class ContentSecurityPolicyMiddleware:
    """Sends ``CSP_POLICY`` (no inline scripts or styles) with every response.

    Paths under ``CSP_RELAXED_PATHS`` (Wagtail's admin, which renders inline
    scripts and style attributes) get ``CSP_RELAXED_POLICY``. A view may set its
    own header; it is then left alone. The header values are built once.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        report_uri = settings.CSP_REPORT_URI
        self.strict = _header_value(settings.CSP_POLICY, report_uri)
        self.relaxed = _header_value(settings.CSP_RELAXED_POLICY, report_uri)
        self.relaxed_paths = tuple(settings.CSP_RELAXED_PATHS)
        self.header = (
            "Content-Security-Policy-Report-Only"
            if settings.CSP_REPORT_ONLY
            else "Content-Security-Policy"
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header not in response:
            relaxed = request.path_info.startswith(self.relaxed_paths)
            response[self.header] = self.relaxed if relaxed else self.strict
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
