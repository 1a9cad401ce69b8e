# Sourced by tests/server/nginx_check.sh and scripts/reliability.sh: a real quorum-serve,
# nginx with server/deploy/nginx.conf (paths moved into a work folder, a free port) in
# front of it, and raw requests to them. Each caller sets `work` (a temporary folder).
#   serve_start SERVE_BIN DB [ARGS...] -> sets qport and serve_pid, or returns 1 (ARGS: more
#                                        quorum-serve options, e.g. --cache-mb 0, besides
#                                        --port 0 --access-log off, which it always passes)
#   nginx_front_start NGINX_BIN CONF WORK QUORUM_PORT   -> sets nport and nginx_pid, or returns 1
#   nginx_front_stop
#   serve_cleanup                     -> stops both and removes $work (for trap EXIT)
#   pipelined PORT N                  -> prints how many of N pipelined requests got 200

serve_pid="" nginx_pid=""

serve_start() {
    local bin=$1 db=$2
    shift 2
    "$bin" --db "$db" --port 0 --access-log off "$@" >"$work/serve.out" 2>"$work/serve.err" &
    serve_pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
    qport=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out" | head -1)
    [ -n "$qport" ] || { echo "quorum-serve did not start: $(cat "$work/serve.err")"; return 1; }
}

serve_cleanup() {
    [ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    rm -rf "$work"
}

# Issue 15: pipelined requests were lost. N written in one go on one connection, the last
# asking to close.
pipelined() {
    local burst="" i
    for i in $(seq "$2"); do
        burst+="GET /healthz HTTP/1.1\r\nHost: x\r\n"
        [ "$i" = "$2" ] && burst+="Connection: close\r\n"
        burst+="\r\n"
    done
    exec 3<>"/dev/tcp/127.0.0.1/$1" || { echo 0; return; }
    printf "$burst" >&3
    timeout 20 cat <&3 | grep -o 'HTTP/1.1 200' | wc -l
    exec 3<&-
}

# The deploy config with paths in the work folder and test ports.
nginx_front_conf() {  # CONF WORK QUORUM_PORT NGINX_PORT
    mkdir -p "$2/temp"
    sed -e "s|^user www-data;|user $(id -un);|" \
        -e "s|pid /run/nginx.pid;|pid $2/nginx.pid;|" \
        -e "s|/var/log/nginx/[a-z.]*|$2/error.log|" \
        -e "s|access_log $2/error.log|access_log $2/access.log|" \
        -e "s|/var/lib/nginx/|$2/temp/|" \
        -e "s|listen 80;|listen 127.0.0.1:$4;|" \
        -e "/listen \[::\]:80;/d" \
        -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$3;|" \
        "$1" >"$2/nginx.conf"
}

nginx_front_start() {
    local bin=$1 conf=$2 work=$3 qport=$4 p
    nport="" nginx_pid=""
    nginx_front_conf "$conf" "$work" "$qport" 8081
    "$bin" -t -q -p "$work" -c "$work/nginx.conf" 2>"$work/t.log" || { echo "nginx -t: $(cat "$work/t.log")"; return 1; }
    # A random free port (retry if the pick is taken).
    for _ in $(seq 10); do
        p=$((20000 + RANDOM % 40000))
        nginx_front_conf "$conf" "$work" "$qport" "$p"
        "$bin" -p "$work" -c "$work/nginx.conf" -g 'daemon off;' 2>>"$work/start.log" &
        nginx_pid=$!
        for _ in $(seq 50); do
            curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && { nport=$p; return 0; }
            kill -0 "$nginx_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; nginx_pid=""
    done
    echo "nginx did not start: $(cat "$work/start.log")"
    return 1
}

nginx_front_stop() {
    [ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    nginx_pid=""
}
