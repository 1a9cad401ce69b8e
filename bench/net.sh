# Sourced by bench/run.sh and bench/shards.sh: a free TCP port on 127.0.0.1, and KEY=value
# files read back (what bench/wrk/rotate.lua and GNU time write).
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "bench: no free port found on 127.0.0.1" >&2; exit 1
}
# kv FILE KEY: the value of KEY=... in FILE
kv() { sed -n "s/^$2=//p" "$1" | tail -1; }
