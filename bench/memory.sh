#!/usr/bin/env bash
# Memory per web worker: RSS and PSS of two gunicorn workers after pages and searches.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fagrom_bench REDIS_URL=redis://127.0.0.1:6379/7 \
#     bench/memory.sh 25601                 # gunicorn.conf.py applies (preload + gc.freeze)
#   bench/memory.sh 25602 -c /dev/null      # without it, for comparison
#
# Needs the bench data (bench/README.md); the user bench_many logs in.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_ENV=production DEBUG=false LOG_LEVEL=WARNING SECURE_SSL_REDIRECT=false \
  SECRET_KEY="${SECRET_KEY:-bench-only-secret-key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}" \
  ALLOWED_HOSTS=127.0.0.1 SITE_URL=http://127.0.0.1 \
  ARCHIVE_CREATOR_ID="${ARCHIVE_CREATOR_ID:-889640782}" ARCHIVE_CREATOR_NAME=Benchmark
PORT=$1
shift
.venv/bin/gunicorn fagrom.wsgi -b "127.0.0.1:$PORT" -w 2 "$@" >"/tmp/memory-$PORT.log" 2>&1 &
MASTER=$!
trap 'kill $MASTER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.3; done
COOKIE=$(.venv/bin/python -c '
import os, sys; sys.path.insert(0, ".")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
import django; django.setup()
from bench.load import session_cookie
print(session_cookie("bench_many"))')
for path in / /forum/ /handbook/ "/search/?q=vedtak" "/search/?q=sykepenger"; do
  for _ in $(seq 20); do curl -s -o /dev/null -b "$COOKIE" "http://127.0.0.1:$PORT$path"; done
done
for worker in $(cat "/proc/$MASTER/task/$MASTER/children"); do
  echo "worker $worker $(grep -E '^(Rss|Pss):' "/proc/$worker/smaps_rollup" | tr -s ' ' | tr '\n' ' ')"
done
