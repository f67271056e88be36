# Fagrom application image: one image for every process (web, worker, scheduler, migrate).
# See docs/deployment.md. Build: docker build -t fagrom .

# --- front-end packages from npm (Designsystemet CSS, htmx); only node_modules is kept ---
FROM python:3.11-slim AS assets
RUN apt-get update \
 && apt-get install -y --no-install-recommends npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- the application ---
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_ENV=production \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    PRIVATE_STORAGE_ROOT=/data/private

# WeasyPrint (PDF archive documents) needs Pango/HarfBuzz; fonts with Norwegian letters.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libffi8 shared-mime-info \
      fonts-dejavu-core fonts-liberation2 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Dependencies first (cached until pyproject.toml or the lock changes); the lock pins versions.
COPY pyproject.toml requirements.lock README.md ./
RUN pip install -c requirements.lock .

COPY --from=assets /app/node_modules ./node_modules
COPY . .

# Static files are collected at build time and served by whitenoise from the image.
# The values below exist only so the production settings load; nothing connects anywhere.
RUN SECRET_KEY=build-only-not-a-secret ALLOWED_HOSTS=build \
    DATABASE_URL=postgres://build@localhost/build \
    ARCHIVE_CREATOR_ID=889640782 ARCHIVE_CREATOR_NAME=build \
    python manage.py collectstatic --noinput --verbosity 0

RUN useradd --system --uid 10001 --home-dir /app fagrom \
 && mkdir -p /data/media /data/private \
 && chown -R fagrom /data
USER fagrom
VOLUME ["/data"]
EXPOSE 8000

# Web by default; workers: WEB_CONCURRENCY (gunicorn reads it), default 2 × CPU + 1 is a good start.
CMD ["gunicorn", "fagrom.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--timeout", "60"]
