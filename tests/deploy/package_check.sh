#!/usr/bin/env bash
# Checks the Debian package (cmake/packaging.cmake) built from the already-built tree:
#  1. cpack -G DEB into a temporary folder (installs the built programs; compiles nothing);
#  2. dpkg-deb -I / -c: name, version, Depends from dpkg-shlibdeps (libxapian30, ...),
#     Recommends nginx, conffiles, maintainer scripts, and exactly the files a deployment
#     needs (two programs; no test, benchmark or measuring tool);
#  3. dpkg -x: the extracted programs run; the shipped units and site are the sources';
#  4. the nginx site and server/deploy/nginx.conf set the same directives (no drift);
#  5. systemd-analyze verify on the units, when systemd-analyze exists;
#  6. the extracted quorum-index indexes a sample, the extracted quorum-serve runs with the
#     unit's ExecStart flags and environment, and answers /healthz, directly and (when nginx
#     is installed) through the shipped site inside Debian's own nginx.conf.
# Exits 77 (ctest SKIP) when dpkg-deb or dpkg-shlibdeps (dpkg-dev) is missing.
# Usage: package_check.sh CPACK BINARY_DIR SOURCE_DIR SAMPLES_DIR VERSION
set -u
cpack_bin=$1 bin_dir=$2 src=$3 samples=$4 version=$5

for tool in dpkg-deb dpkg-shlibdeps curl; do
    command -v "$tool" >/dev/null || { echo "$tool not installed: skipping"; exit 77; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-deploy-XXXXXX")
serve_pid="" nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
deploy=$src/server/deploy

# 1. The package.
"$cpack_bin" -G DEB -B "$work/pkg" --config "$bin_dir/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    fail "cpack: $(cat "$work/cpack.log")"
debs=("$work"/pkg/quorum_"$version"-1_*.deb)
[ -f "${debs[0]}" ] || fail "no quorum_${version}-1_*.deb: $(ls "$work/pkg")"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KB"

# 2. Control fields and contents.
dpkg-deb -I "$deb" >"$work/info" || fail "dpkg-deb -I"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = quorum ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version-1" ] || fail "Version: $(field Version)"
[ "$(field Section)" = web ] || fail "Section: $(field Section)"
depends=$(field Depends)
echo "Depends: $depends"
for lib in libxapian30 libcpp-httplib0.11 libpoppler-cpp0v5 libgumbo1 libicu72 libc6 libstdc++6; do
    case ", $depends," in *", $lib "* | *", $lib,"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
field Recommends | grep -Eq '(^|, )nginx(,|$)' || fail "Recommends lacks nginx: $(field Recommends)"
for f in conffiles postinst prerm postrm; do grep -Eq "^ +[0-9]+ bytes, +[0-9]+ lines +\*? *$f( |$)" "$work/info" || fail "no $f in the control archive: $(cat "$work/info")"; done

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|; s|/$||' | sort >"$work/files"
expected=(
    /usr/bin/quorum-index /usr/bin/quorum-serve
    /usr/lib/systemd/system/quorum.service /usr/lib/systemd/system/quorum-index.service
    /usr/lib/systemd/system/quorum-index.timer
    /etc/default/quorum /etc/nginx/sites-available/quorum /var/lib/quorum
    /usr/share/doc/quorum/copyright /usr/share/doc/quorum/README.md /usr/share/doc/quorum/SERVING.md
    /usr/share/doc/quorum/API.md
)
for f in "${expected[@]}"; do grep -qxF "$f" "$work/files" || fail "$f not in the package"; done
programs=$(grep '^/usr/bin/.' "$work/files" | tr '\n' ' ')
[ "$programs" = "/usr/bin/quorum-index /usr/bin/quorum-serve " ] || fail "programs in the package: $programs"
# Files (not folders) outside the expected ones: only what is listed above.
extra=$(dpkg-deb -c "$deb" | grep -v '^d' | awk '{print $NF}' | sed 's|^\./|/|' | grep -vxF -f <(printf '%s\n' "${expected[@]}"))
[ -z "$extra" ] || fail "unexpected files in the package: $extra"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$work/conffiles" || fail "reading conffiles"
[ "$(sort "$work/conffiles" | tr '\n' ' ')" = "/etc/default/quorum /etc/nginx/sites-available/quorum " ] ||
    fail "conffiles: $(cat "$work/conffiles")"

# 3. Extract; the programs run and the shipped files are the sources.
root=$work/root
dpkg -x "$deb" "$root" || fail "dpkg -x"
"$root/usr/bin/quorum-serve" --help | grep -q -- '--db' || fail "quorum-serve --help"
"$root/usr/bin/quorum-index" --help | grep -q -- '--db' || fail "quorum-index --help"
readelf -S "$root/usr/bin/quorum-serve" 2>/dev/null | grep -q '\.symtab' && fail "quorum-serve is not stripped"
cmp -s "$root/usr/lib/systemd/system/quorum.service" "$deploy/quorum.service" || fail "quorum.service differs"
cmp -s "$root/etc/nginx/sites-available/quorum" "$deploy/nginx-site.conf" || fail "the nginx site differs"

# 4. No drift: the site (Debian) and nginx.conf (whole config, tests) set the same directives.
# Compared as sets of lines without comments: nginx.conf's main-context lines (user, pid,
# events, temp paths, default_type: Debian's nginx.conf has them) and the site's
# default_server are left out.
directives() { sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e 's/[[:space:]]\+/ /g' "$1" | grep -v '^$'; }
directives "$deploy/nginx.conf" |
    grep -Ev '^(user|worker_processes|pid|error_log|worker_connections|[a-z_]+_temp_path) |^default_type application/octet-stream;$|^(events|http) \{$' |
    sort -u >"$work/conf.directives"
directives "$deploy/nginx-site.conf" | sed 's/ default_server;$/;/' | sort -u >"$work/site.directives"
diff "$work/conf.directives" "$work/site.directives" >"$work/drift" ||
    fail "nginx-site.conf and nginx.conf disagree (< nginx.conf, > site): $(cat "$work/drift")"

# 5. systemd-analyze verify (warnings fail too: verify exits 0 on unknown keys). The units
# point at the extracted programs, since the package is not installed here.
if command -v systemd-analyze >/dev/null; then
    mkdir "$work/units"
    for u in quorum.service quorum-index.service quorum-index.timer; do
        sed "s|/usr/bin/|$root/usr/bin/|g" "$root/usr/lib/systemd/system/$u" >"$work/units/$u"
    done
    systemd-analyze verify --man=no "$work"/units/quorum.service "$work"/units/quorum-index.service \
        "$work"/units/quorum-index.timer >"$work/verify" 2>&1 || fail "systemd-analyze verify: $(cat "$work/verify")"
    [ ! -s "$work/verify" ] || fail "systemd-analyze verify: $(cat "$work/verify")"
    echo "systemd-analyze verify: clean"
else
    echo "systemd-analyze not installed: units not verified"
fi

# 6. Index one sample with the extracted quorum-index; run the extracted quorum-serve as the
# unit does (its Environment= defaults and ExecStart flags; port 0 for a free one).
mkdir "$work/archive"
cp "$samples/003_0f19b924668e569c.txt" "$samples/003_0f19b924668e569c.txt.meta.json" "$work/archive/"
"$root/usr/bin/quorum-index" --quiet --prune --db "$work/index" "$work/archive" >"$work/index.log" 2>&1 ||
    fail "quorum-index: $(cat "$work/index.log")"
exec_start=$(sed -n 's/^ExecStart=//p' "$deploy/quorum.service")
[ "$exec_start" = '/usr/bin/quorum-serve --db /var/lib/quorum/index --host 127.0.0.1 $QUORUM_SERVE_OPTS' ] ||
    fail "ExecStart changed: update this test: $exec_start"
env QUORUM_PORT=0 QUORUM_CLIENT_CONNECTIONS=0 QUORUM_ACCESS_LOG=- \
    "$root/usr/bin/quorum-serve" --db "$work/index" --host 127.0.0.1 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
qport=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out" | head -1)
[ -n "$qport" ] || fail "quorum-serve did not start: $(cat "$work/serve.err")"
s=$(curl -s -o "$work/body" -w '%{http_code}' "http://127.0.0.1:$qport/healthz")
[ "$s" = 200 ] && grep -q '"units"' "$work/body" || fail "/healthz: $s $(cat "$work/body")"

nginx_bin=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
if [ -n "$nginx_bin" ] && [ -f /etc/nginx/nginx.conf ]; then
    # Debian's own nginx.conf (with its modules, found from nginx's default prefix), its
    # sites-enabled replaced by the shipped site; paths and ports moved into the work folder.
    mkdir "$work/nginx"
    nginx_conf() {  # PORT
        sed -e "s|^user www-data;|user $(id -un);|" -e "s|^pid .*|pid $work/nginx/nginx.pid;|" \
            -e "s|/var/log/nginx/|$work/nginx/|" -e "s|include /etc/nginx/sites-enabled/\*;|include $work/nginx/site;|" \
            -e "s|^http {|http {\n client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;|" \
            /etc/nginx/nginx.conf >"$work/nginx/nginx.conf"
        sed -e "s|listen 80 default_server;|listen 127.0.0.1:$1 default_server;|" -e '/listen \[::\]:80/d' \
            -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$qport;|" -e "s|/var/log/nginx/|$work/nginx/|" \
            "$root/etc/nginx/sites-available/quorum" >"$work/nginx/site"
    }
    nginx_conf 8081
    "$nginx_bin" -t -q -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" 2>"$work/nginx/t.log" ||
        fail "nginx -t with the site in Debian's nginx.conf: $(cat "$work/nginx/t.log")"
    nport=""
    for _ in $(seq 10); do
        p=$((20000 + RANDOM % 40000))
        nginx_conf "$p"
        "$nginx_bin" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>>"$work/nginx/start.log" &
        nginx_pid=$!
        for _ in $(seq 50); do
            curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && { nport=$p; break 2; }
            kill -0 "$nginx_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null; nginx_pid=""
    done
    [ -n "$nport" ] || fail "nginx did not start: $(cat "$work/nginx/start.log")"
    s=$(curl -s -o "$work/body" -w '%{http_code}' "http://127.0.0.1:$nport/healthz")
    [ "$s" = 200 ] && grep -q '"units"' "$work/body" || fail "/healthz through the site: $s $(cat "$work/body")"
    s=$(curl -s -o "$work/body" -w '%{http_code}' -X POST --data 'q=x' "http://127.0.0.1:$nport/api/search")
    [ "$s" = 405 ] && grep -q '"method_not_allowed"' "$work/body" || fail "POST through the site: $s $(cat "$work/body")"
    echo "site OK in Debian's nginx.conf on port $nport"
else
    echo "nginx not installed: the site was not run"
fi
echo "package OK: $(basename "$deb")"
