#!/usr/bin/env bash
# Checks server/deploy/nginx.conf: `nginx -t` on it, then nginx on a free port in front
# of a real quorum-serve: a proxied /healthz, 405 for POST, 4xx for an oversized header,
# no byte ranges, gzip for JSON, pipelined requests all answered. Exits 77 (ctest SKIP)
# when nginx or curl is absent.
# Usage: nginx_check.sh QUORUM_INDEX QUORUM_SERVE NGINX_CONF SAMPLES_DIR
set -u
index_bin=$1 serve_bin=$2 conf=$3 samples=$4

nginx_bin=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
if [ -z "$nginx_bin" ] || ! command -v curl >/dev/null; then
    echo "nginx or curl not installed: skipping"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-nginx-XXXXXX")
. "$(dirname "$0")/serve_helpers.sh"
trap serve_cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- nginx error log:"; cat "$work/error.log" 2>/dev/null; exit 1; }

# A small index and a server on a free port.
mkdir -p "$work/in"
cp "$samples/003_0f19b924668e569c.txt" "$samples/003_0f19b924668e569c.txt.meta.json" "$work/in/"
"$index_bin" --db "$work/db" "$work/in" >"$work/index.log" 2>&1 || fail "quorum-index: $(cat "$work/index.log")"
serve_start "$serve_bin" "$work/db" || fail "quorum-serve"

nginx_front_start "$nginx_bin" "$conf" "$work" "$qport" || fail "nginx front"
base="http://127.0.0.1:$nport"

status() { curl -s -o "$work/body" -w '%{http_code}' "$@"; }

s=$(status "$base/healthz"); [ "$s" = 200 ] && grep -q '"units"' "$work/body" || fail "proxied /healthz: $s $(cat "$work/body")"
s=$(status -X POST --data 'q=x' "$base/api/search"); [ "$s" = 405 ] || fail "POST: $s"
grep -q '"method_not_allowed"' "$work/body" || fail "POST body is not JSON: $(cat "$work/body")"
s=$(status -X DELETE "$base/api/units/x"); [ "$s" = 405 ] || fail "DELETE: $s"
s=$(status -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)" "$base/healthz")
[ "${s:0:1}" = 4 ] || fail "oversized header: $s"
s=$(status -H 'Range: bytes=0-1,3-4,5-6' "$base/api/search?q=ofsted"); [ "$s" = 200 ] || fail "multi-range: $s"
headers=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$base/api/search?q=ofsted&per_page=20")
echo "$headers" | grep -qi '^content-encoding: gzip' || fail "no gzip for JSON: $headers"
s=$(status "$base/api/search?per_page=500"); [ "$s" = 400 ] || fail "bad parameter through nginx: $s"
s=$(status "$base/healthz"); [ "$s" = 200 ] || fail "healthz after the bad requests: $s"

# Issue 15: pipelined requests were lost: all are answered, straight from quorum-serve and
# through nginx (20 there: nginx's per-client rate limit allows bursts of 40).
n=$(pipelined "$qport" 50); [ "$n" = 50 ] || fail "pipelined to quorum-serve: $n of 50 answered"
n=$(pipelined "$nport" 20); [ "$n" = 20 ] || fail "pipelined through nginx: $n of 20 answered"
echo "nginx front OK on port $nport (quorum-serve on $qport)"
