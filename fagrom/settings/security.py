"""Security settings by concern: Content-Security-Policy, Permissions-Policy, throttling."""

from .environment import env, env_bool, env_list

# Content-Security-Policy (fagrom.middleware): no inline scripts or styles on
# Fagrom's own pages. Wagtail's admin renders inline <script> and style
# attributes, so paths under CSP_RELAXED_PATHS get CSP_RELAXED_POLICY instead.
_CSP_BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
CSP_POLICY = {**_CSP_BASE}
CSP_RELAXED_POLICY = {
    **_CSP_BASE,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    # Page previews and the userbar open Fagrom pages in frames of the admin.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CSP_RELAXED_PATHS = ["/admin/"]
CSP_REPORT_URI = env("CSP_REPORT_URI", "")
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Throttling ("N/seconds"), counted in the shared cache.
# Per account: free failures, then a wait (seconds) that doubles up to the maximum
# (people/auth.py); browsers the person logged in from before are counted apart.
LOGIN_FAILURES_BEFORE_WAIT = int(env("LOGIN_FAILURES_BEFORE_WAIT", "5"))
LOGIN_WAIT_FIRST = int(env("LOGIN_WAIT_FIRST", "30"))
LOGIN_WAIT_MAX = int(env("LOGIN_WAIT_MAX", "900"))
LOGIN_FAILURE_LIMIT_PER_IP = env("LOGIN_FAILURE_LIMIT_PER_IP", "50/900")
POST_RATE_LIMIT = env("POST_RATE_LIMIT", "20/600")  # threads and replies per person
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR),
# and the addresses they connect from; X-Forwarded-For from anyone else is ignored.
NUM_PROXIES = int(env("NUM_PROXIES", "0"))
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1/32,::1/128")
