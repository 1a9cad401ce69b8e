#!/usr/bin/env bash
# Raw-socket abuse (issue 15): malformed, oversized and smuggling requests written straight
# to a socket. Each must get a 4xx (or a closed connection) quickly, never a 5xx or a hang,
# every error answered in the API's JSON shape (not a server's HTML page), and /healthz must
# answer 200 after each. Run against quorum-serve alone and behind nginx.
#
#   tests/reliability/raw_abuse.sh PORT
#
# Prints one line per case (name, first status or "closed", seconds, verdict) and then
# cases=N passed=N; exits 1 when a case failed.
set -uo pipefail
PORT=$1
cases=0 passed=0

# CASE_NAME BYTES_GENERATOR ALLOWED_REGEX: the first status line's code (or "closed") must match.
probe() {
  local name=$1 gen=$2 allowed=$3 start end status
  cases=$((cases + 1))
  start=$(date +%s%N)
  if ! exec 3<>"/dev/tcp/127.0.0.1/$PORT"; then
    echo "$name|connect failed|0|FAIL"; return
  fi
  # Write in the background: a server that refuses early may stop reading (a broken pipe is fine).
  ( $gen >&3 2>/dev/null ) &
  local writer=$!
  local head type
  head=$(timeout 15 head -c 4096 <&3 2>/dev/null | tr -d '\r' | sed '/^$/q')
  status=$(head -1 <<<"$head" | awk '{print $2}')
  type=$(grep -i -m1 '^content-type:' <<<"$head" | cut -d: -f2- | tr -d ' ')
  exec 3<&- 3>&-
  kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null
  end=$(date +%s%N)
  local seconds
  seconds=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.2f", ns / 1e9}')
  [ -n "$status" ] || status=closed
  local health
  health=$(exec 4<>"/dev/tcp/127.0.0.1/$PORT" && printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >&4 &&
           timeout 5 head -1 <&4 | tr -d '\r' | awk '{print $2}')
  # Issue 15, raw-socket abuse behind nginx: 501 and 505 came as nginx's HTML pages.
  local json=yes
  [[ "$status" =~ ^[45] ]] && [[ "$type" != application/json* ]] && json=no
  if [[ "$status" =~ ^($allowed)$ ]] && [ "$json" = yes ] && [ "$health" = 200 ] && [ "$((end - start))" -lt 12000000000 ]; then
    passed=$((passed + 1)); echo "$name|$status|$seconds|ok"
  elif [ "$json" = no ]; then
    echo "$name|$status|$seconds|FAIL (an error answered as ${type:-no Content-Type}, not JSON)"
  else
    echo "$name|$status|$seconds|FAIL (healthz after: ${health:-none})"
  fi
}

big_body() { printf 'POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n'; head -c 8388608 /dev/zero; }
put_body() { printf 'PUT /api/units/x HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n'; head -c 8388608 /dev/zero; }
two_lengths() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\nhello'; }
smuggle() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n'; }
unknown_coding() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n'; }
http2_line() { printf 'GET /healthz HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n'; }
chunked_get() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n'; head -c 65536 /dev/zero; }
long_line() { printf 'GET /api/search?q='; head -c 70000 /dev/zero | tr '\0' a; printf ' HTTP/1.1\r\nHost: x\r\n\r\n'; }
many_headers() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n'; for i in $(seq 300); do printf 'X-H%d: v\r\n' "$i"; done; printf '\r\n'; }
huge_header() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: '; head -c 100000 /dev/zero | tr '\0' b; printf '\r\n\r\n'; }
bad_method() { printf 'FOO /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'; }
http09() { printf 'GET /\r\n\r\n'; }
bad_version() { printf 'GET /healthz HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n'; }
absolute_uri() { printf 'GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'; }
folded() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: one\r\n two\r\n\r\n'; }
nul_header() { printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: a\0b\r\n\r\n'; }
traversal() { printf 'GET /static/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'; }
encoded_nul() { printf 'GET /api/units/%%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'; }
garbage() { head -c 4096 /dev/urandom; }
negative_length() { printf 'POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'; }
overflow_length() { printf 'POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n'; }
half_head() { printf 'GET /healthz HTTP/1.1\r\nHo'; sleep 11; }

probe "POST with a 100 MB body (8 MB sent)" big_body '405|413'
probe "PUT with a 100 MB body (8 MB sent)" put_body '405|413'
probe "two Content-Length headers" two_lengths '400'
probe "Content-Length with Transfer-Encoding (smuggling)" smuggle '400|405|411|413'
probe "GET with a huge chunked body" chunked_get '400|405|411|413|200|closed'
probe "70 KB request line" long_line '400|414|431'
probe "300 headers" many_headers '400|431'
probe "100 KB header" huge_header '400|431|494'
probe "unknown method" bad_method '400|405|501'
probe "HTTP/0.9 request" http09 '400|closed'
probe "HTTP/9.9" bad_version '400|505|closed'
probe "HTTP/2.0 in an HTTP/1 request line" http2_line '400|505|closed'
probe "unknown Transfer-Encoding" unknown_coding '400|411|413|501'
probe "absolute URI" absolute_uri '200|400|404'
probe "obsolete header folding" folded '200|400'
probe "NUL in a header" nul_header '400|200'
probe "path traversal" traversal '400|404'
probe "encoded NUL in an id" encoded_nul '400|404'
probe "4 KB of random bytes (no end of head: cut at the deadline)" garbage '400|408|closed'
probe "negative Content-Length" negative_length '400|405|411'
probe "Content-Length past 64 bits" overflow_length '400|405|413'
probe "half a request head, then silence" half_head '408|400|closed'

echo "cases=$cases"
echo "passed=$passed"
[ "$cases" = "$passed" ]
