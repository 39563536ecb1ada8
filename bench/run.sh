#!/usr/bin/env bash
# The whole-process benchmark: fetcher (Native AOT) against curl --parallel, with wrk as the machine's ceiling,
# all against one nginx on a loopback port of its own. Every figure comes from this run; ratios are taken between
# tools measured side by side, so a noisy machine moves both.
#
#   bench/run.sh                 every scenario but the optional ones (about 10 minutes on 2 cores)
#   bench/run.sh --smoke         2,000 URLs once per tool: checks every URL got a result (used by CI)
#   bench/run.sh --runs 7        more repetitions (medians are quoted)
#   bench/run.sh --aot PATH      use this Native AOT build of fetcher instead of publishing one
#   bench/run.sh --baseline PATH also measure this other fetcher build (an earlier commit's AOT binary) in the same
#                                runs, so a change is judged by both builds' ratios to curl taken side by side
#   bench/run.sh --only LIST     run only these scenarios (comma-separated): base (the four classic ones below) and
#                                the names of bench/scenarios/*.sh; --list shows them. Default: all but the optional ones.
#   bench/run.sh --with NAME     also run an optional scenario (one that takes minutes), e.g. --with million
#
# Output: a table on stdout, and the same figures as JSON in bench/out/results.json (or --out DIR).
# Exit codes: 0 measured; 1 a tool failed or an URL got no result; 2 bad arguments; 3 the peers could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

smoke=false
runs=5
out_dir="$repo/bench/out"
aot_binary=""
baseline=""
only=""
with=""
# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=true; runs=1; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out_dir="$2"; shift 2 ;;
    --aot) aot_binary="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --with) with="${with:+$with,}$2"; shift 2 ;;
    --list) list_scenarios; exit 0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "bench: --runs needs a positive number" >&2; exit 2 ;; esac
for name in ${only//,/ } ${with//,/ }; do
  [ "$name" = base ] || [ -f "$repo/bench/scenarios/$name.sh" ] || { echo "bench: no scenario '$name' (try --list)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d "${TMPDIR:-/tmp}/fetcher-bench.XXXXXX")"
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  kill_background
  rm -rf "$work"
}
trap cleanup EXIT

# --- what the benchmark needs ------------------------------------------------------------------------------------
need_packages=()
command -v nginx >/dev/null 2>&1 || need_packages+=(nginx-light)
[ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ] || need_packages+=(libnginx-mod-http-echo)
command -v curl >/dev/null 2>&1 || need_packages+=(curl)
command -v wrk >/dev/null 2>&1 || need_packages+=(wrk)
[ -x /usr/bin/time ] || need_packages+=(time)
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then need_packages+=(clang zlib1g-dev); fi
if [ ${#need_packages[@]} -gt 0 ]; then
  say "installing ${need_packages[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_packages[@]}"; } >&2; then
    echo "bench: could not install ${need_packages[*]} (apt-get failed); nothing was measured" >&2
    exit 3
  fi
fi

# --- the two builds of fetcher -----------------------------------------------------------------------------------
if [ -n "$aot_binary" ]; then
  [ -x "$aot_binary" ] || { echo "bench: --aot '$aot_binary' is not an executable file" >&2; exit 2; }
  fetcher="$(cd "$(dirname "$aot_binary")" && pwd)/$(basename "$aot_binary")"
else
  say "publishing fetcher (Native AOT)"
  dotnet publish src/Fetcher/Fetcher.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >"$work/publish-aot.log" 2>&1 \
    || { cat "$work/publish-aot.log" >&2; exit 1; }
  fetcher="$work/aot/fetcher"
fi
say "publishing fetcher (framework-dependent)"
dotnet publish src/Fetcher/Fetcher.csproj -c Release -o "$work/fdd" >"$work/publish-fdd.log" 2>&1 \
  || { cat "$work/publish-fdd.log" >&2; exit 1; }
fetcher_fdd="$work/fdd/fetcher"
if [ -n "$baseline" ]; then
  [ -x "$baseline" ] || { echo "bench: --baseline '$baseline' is not an executable file" >&2; exit 2; }
  baseline="$(cd "$(dirname "$baseline")" && pwd)/$(basename "$baseline")"
fi

# --- nginx on a loopback port of its own --------------------------------------------------------------------------
mkdir -p "$work/nginx/www" "$work/nginx/tmp"
printf 'ok\n' > "$work/nginx/www/ok"
head -c 1048576 /dev/zero > "$work/nginx/www/1mb"
# nginx's workers drop to an unprivileged user when started as root: they must be able to read the files.
chmod 755 "$work"; chmod -R a+rX "$work/nginx"
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  port_in_use "$port" && continue
  cat > "$work/nginx/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_http_echo_module.so;
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $work/nginx/tmp;
  proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp;
  scgi_temp_path $work/nginx/tmp;
  server {
    listen 127.0.0.1:$port;
    root $work/nginx/www;
    location = /ok { default_type text/plain; }
    location = /1mb { default_type application/octet-stream; }
    location = /delay { default_type text/plain; echo_sleep 0.1; echo ok; }
  }
}
EOF
  nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 1 50); do port_in_use "$port" && break; sleep 0.1; done
  if port_in_use "$port" && kill -0 "$nginx_pid" 2>/dev/null; then break; fi
  kill "$nginx_pid" 2>/dev/null || true; nginx_pid=""
done
[ -n "$nginx_pid" ] || { echo "bench: nginx did not start" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
say "nginx (pid $nginx_pid) on $base"

# --- helpers ------------------------------------------------------------------------------------------------------
# url_list PATH COUNT ENDPOINT: COUNT distinct URLs, one a line.
url_list() { awk -v n="$2" -v u="$base$3" 'BEGIN { for (i = 1; i <= n; i++) print u "?i=" i }' > "$1"; }
# curl_config URLS CONFIG: curl's config file of url/output pairs.
curl_config() { awk '{ print "url = \"" $0 "\"\noutput = \"/dev/null\"" }' "$1" > "$2"; }

# expect_results TOOL COUNT [SUCCESS]: every URL got exactly one result line, and every one was a success: for fetcher
# a line matching the grep pattern SUCCESS (default '"ok":true'), for curl a line that is exactly SUCCESS (default 200).
expect_results() {
  local lines good
  lines=$(wc -l < "$work/stdout")
  case "$1" in
    fetcher) good=$(grep -c "${3:-\"ok\":true}" "$work/stdout" || true) ;;
    curl) good=$(grep -cx "${3:-200}" "$work/stdout" || true) ;;
    bare) good=$(grep -cx "$3" "$work/stdout" || true) ;;
  esac
  if [ "$lines" -ne "$2" ] || [ "$good" -ne "$2" ]; then
    echo "bench: $1 gave $lines results ($good ok${3:+ as '$3'}) for $2 URLs" >&2
    head -n 3 "$work/stdout" "$work/stderr" >&2
    exit 1
  fi
}

# side_by_side NAME LIST COUNT CONCURRENCY RUNS: fetcher and curl -Z over the same list, alternately, RUNS times each;
# timings in $work/NAME.fetcher and $work/NAME.curl.
side_by_side() {
  local name="$1" list="$2" count="$3" concurrency="$4" repeat="$5"
  curl_config "$list" "$work/$name.curl-config"
  for _ in $(seq 1 "$repeat"); do
    timed "$work/$name.fetcher" "$fetcher" "$list" --max "$concurrency" --format jsonl
    expect_results fetcher "$count"
    timed "$work/$name.curl" curl -s -Z --parallel-max "$concurrency" -w '%{http_code}\n' -K "$work/$name.curl-config"
    expect_results curl "$count"
    if [ -n "$baseline" ]; then
      timed "$work/$name.baseline" "$baseline" "$list" --max "$concurrency" --format jsonl
      expect_results fetcher "$count"
    fi
  done
}


if scenario_selected base; then
# --- 1. throughput ------------------------------------------------------------------------------------------------
n_throughput=20000; $smoke && n_throughput=2000
url_list "$work/throughput.txt" "$n_throughput" /ok
say "throughput: $n_throughput URLs at concurrency 64, $runs run(s) each"
side_by_side t "$work/throughput.txt" "$n_throughput" 64 "$runs"
wrk_rps=0
if ! $smoke; then
  wrk -t 2 -c 64 -d 5s "$base/ok" > "$work/wrk.out" 2>&1
  wrk_rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.out")
fi

# --- 2. latency-bound ---------------------------------------------------------------------------------------------
n_delay=2000; $smoke && n_delay=200
url_list "$work/delay.txt" "$n_delay" /delay
ideal=$(awk -v n="$n_delay" 'BEGIN { print n / 100 * 0.1 }')
# nginx's 100 ms is never exactly 100 ms (timer granularity, a busy machine): wrk measures what it really is, and
# floor = waves x that mean is what a perfect client could reach.
floor=0
if ! $smoke; then
  wrk -t 1 -c 100 -d 3s "$base/delay" > "$work/wrk-delay.out" 2>&1
  floor=$(awk -v n="$n_delay" '/^ +Latency/ { v = $2; if (v ~ /ms$/) v = v / 1000; else if (v ~ /us$/) v = v / 1000000; else v = v + 0; print n / 100 * v }' "$work/wrk-delay.out")
fi
say "latency-bound: $n_delay URLs of a 100 ms endpoint at concurrency 100 (ideal ${ideal} s)"
side_by_side d "$work/delay.txt" "$n_delay" 100 "$runs"

# --- 3. scale -----------------------------------------------------------------------------------------------------
n_scale=200000; $smoke && n_scale=20000
scale_runs=$(( runs < 3 ? runs : 3 ))
url_list "$work/scale.txt" "$n_scale" /ok
say "scale: $n_scale URLs at concurrency 64, $scale_runs run(s) each"
side_by_side s "$work/scale.txt" "$n_scale" 64 "$scale_runs"

# --- 4. cold start ------------------------------------------------------------------------------------------------
url_list "$work/cold.txt" 3 /ok
curl_config "$work/cold.txt" "$work/cold.curl"
cold_runs=$(( runs * 2 + 1 ))
say "cold start: 3 URLs, $cold_runs run(s) each"
for _ in $(seq 1 "$cold_runs"); do
  timed "$work/c.aot" "$fetcher" "$work/cold.txt" --format jsonl
  expect_results fetcher 3
  timed "$work/c.fdd" "$fetcher_fdd" "$work/cold.txt" --format jsonl
  expect_results fetcher 3
  timed "$work/c.curl" curl -s -Z -w '%{http_code}\n' -K "$work/cold.curl"
  expect_results curl 3
done

fi

# --- the scenarios in bench/scenarios/ (each sourced here: it sees $fetcher, $work, $runs, $smoke, $baseline and lib.sh)
for scenario_file in "$repo"/bench/scenarios/*.sh; do
  [ -f "$scenario_file" ] || continue
  scenario_selected "$(basename "$scenario_file" .sh)" || continue
  # shellcheck source=/dev/null
  . "$scenario_file"
  kill_background
done

# --- the table ----------------------------------------------------------------------------------------------------
mkdir -p "$out_dir"
if scenario_selected base; then
t_f=$(wall "$work/t.fetcher"); t_c=$(wall "$work/t.curl")
d_f=$(wall "$work/d.fetcher"); d_c=$(wall "$work/d.curl")
s_f=$(wall "$work/s.fetcher"); s_c=$(wall "$work/s.curl")
rss_t_f=$(rss_mb "$work/t.fetcher"); rss_t_c=$(rss_mb "$work/t.curl")
rss_s_f=$(rss_mb "$work/s.fetcher"); rss_s_c=$(rss_mb "$work/s.curl")
c_a=$(wall "$work/c.aot"); c_f=$(wall "$work/c.fdd"); c_c=$(wall "$work/c.curl")
rss_c_a=$(rss_mb "$work/c.aot")
t_b=0; s_b=0
if [ -n "$baseline" ]; then t_b=$(wall "$work/t.baseline"); s_b=$(wall "$work/s.baseline"); fi
read -r t_lo t_hi < <(round_range "$work/t.fetcher" "$work/t.curl")
read -r s_lo s_hi < <(round_range "$work/s.fetcher" "$work/s.curl")

mkdir -p "$out_dir"
awk -v smoke="$smoke" -v runs="$runs" -v cores="$(nproc)" -v cpu="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
  -v nt="$n_throughput" -v nd="$n_delay" -v ns="$n_scale" -v ideal="$ideal" -v floor="$floor" -v wrk="$wrk_rps" \
  -v tf="$t_f" -v tc="$t_c" -v df="$d_f" -v dc="$d_c" -v sf="$s_f" -v sc="$s_c" \
  -v rtf="$rss_t_f" -v rtc="$rss_t_c" -v rsf="$rss_s_f" -v rsc="$rss_s_c" \
  -v tb="$t_b" -v sb="$s_b" -v tlo="$t_lo" -v thi="$t_hi" -v slo="$s_lo" -v shi="$s_hi" \
  -v ca="$c_a" -v cf="$c_f" -v cc="$c_c" -v rca="$rss_c_a" -v json="$out_dir/results.json" '
BEGIN {
  ft = nt / tf; ct = nt / tc
  printf "fetcher benchmark: %s core(s), %s; medians of %d run(s)%s\n\n", cores, cpu, runs, (smoke == "true" ? " (smoke)" : "")
  printf "%-44s %14s %14s %10s\n", "scenario", "fetcher", "curl -Z", "ratio"
  printf "%-44s %14.0f %14.0f %9.2fx\n", "1. throughput, " nt " URLs, c=64 (URLs/s)", ft, ct, ft / ct
  if (runs > 1) printf "%-44s %14s %14s %10s\n", "   same-round ratios, lowest-highest", "", "", sprintf("%.2f-%.2fx", tlo, thi)
  if (tb > 0) printf "%-44s %14.0f %14s %9.2fx\n", "   --baseline build, same runs (URLs/s)", nt / tb, "", (nt / tb) / ct
  if (wrk > 0) printf "%-44s %14.0f %14s %9.0f%%\n", "   wrk ceiling, c=64 (req/s; fetcher share)", wrk, "", 100 * ft / wrk
  printf "%-44s %14.1f %14.1f\n", "   peak RSS (MB)", rtf, rtc
  printf "%-44s %14.3f %14.3f\n", "2. latency-bound, " nd " x 100 ms, c=100 (s)", df, dc
  printf "%-44s %13.1f%% %13.1f%%\n", "   efficiency (ideal " ideal " s / wall)", 100 * ideal / df, 100 * ideal / dc
  if (floor > 0) printf "%-44s %13.1f%% %13.1f%%\n", "   vs the real server-side delay (" sprintf("%.3f", floor) " s)", 100 * floor / df, 100 * floor / dc
  printf "%-44s %14.1f %14.1f\n", "3. scale, " ns " URLs, c=64: peak RSS (MB)", rsf, rsc
  printf "%-44s %13.2fx %13.2fx\n", "   RSS ratio to the " nt "-URL run", rsf / rtf, rsc / rtc
  printf "%-44s %14.0f %14.0f %9.2fx\n", "   throughput (URLs/s)", ns / sf, ns / sc, (ns / sf) / (ns / sc)
  if (runs > 1) printf "%-44s %14s %14s %10s\n", "   same-round ratios, lowest-highest", "", "", sprintf("%.2f-%.2fx", slo, shi)
  if (sb > 0) printf "%-44s %14.0f %14s %9.2fx\n", "   --baseline build, same runs (URLs/s)", ns / sb, "", (ns / sb) / (ns / sc)
  printf "%-44s %14.1f %14.1f\n", "4. cold start, 3 URLs, AOT (ms)", 1000 * ca, 1000 * cc
  printf "%-44s %14.1f\n", "   framework-dependent build (ms)", 1000 * cf
  printf "%-44s %14.1f\n", "   AOT peak RSS (MB)", rca
  printf "{\n  \"smoke\": %s, \"runs\": %d, \"cores\": %d, \"cpu\": \"%s\",\n", smoke, runs, cores, cpu > json
  printf "  \"throughput\": { \"urls\": %d, \"concurrency\": 64, \"fetcher_urls_per_s\": %.0f, \"curl_urls_per_s\": %.0f, \"ratio\": %.3f, \"ratio_range\": [%.3f, %.3f], \"wrk_requests_per_s\": %.0f, \"fetcher_peak_rss_mb\": %.1f, \"curl_peak_rss_mb\": %.1f },\n", nt, ft, ct, ft / ct, tlo, thi, wrk, rtf, rtc > json
  printf "  \"latency_bound\": { \"urls\": %d, \"concurrency\": 100, \"ideal_s\": %.3f, \"fetcher_s\": %.3f, \"curl_s\": %.3f, \"fetcher_efficiency\": %.4f, \"curl_efficiency\": %.4f, \"server_floor_s\": %.3f },\n", nd, ideal, df, dc, ideal / df, ideal / dc, floor > json
  printf "  \"scale\": { \"urls\": %d, \"concurrency\": 64, \"fetcher_peak_rss_mb\": %.1f, \"curl_peak_rss_mb\": %.1f, \"fetcher_rss_ratio\": %.3f, \"curl_rss_ratio\": %.3f, \"fetcher_urls_per_s\": %.0f, \"curl_urls_per_s\": %.0f, \"ratio_range\": [%.3f, %.3f] },\n", ns, rsf, rsc, rsf / rtf, rsc / rtc, ns / sf, ns / sc, slo, shi > json
  if (tb > 0) printf "  \"baseline\": { \"throughput_urls_per_s\": %.0f, \"throughput_ratio\": %.3f, \"scale_urls_per_s\": %.0f, \"scale_ratio\": %.3f },\n", nt / tb, (nt / tb) / ct, ns / sb, (ns / sb) / (ns / sc) > json
  printf "  \"cold_start\": { \"urls\": 3, \"aot_ms\": %.1f, \"framework_dependent_ms\": %.1f, \"curl_ms\": %.1f, \"aot_peak_rss_mb\": %.1f }\n}\n", 1000 * ca, 1000 * cf, 1000 * cc, rca > json
}'
else
  printf 'fetcher benchmark: %s core(s); medians of %d run(s)%s\n\n' "$(nproc)" "$runs" "$($smoke && echo " (smoke)")"
  printf '{\n  "smoke": %s, "runs": %d, "cores": %d\n}\n' "$smoke" "$runs" "$(nproc)" > "$out_dir/results.json"
fi

# Each scenario's rows go under the classic table, and its JSON object joins results.json's top level.
if [ -s "$work/table.extra" ]; then echo; cat "$work/table.extra"; fi
for fragment in "$work"/json.extra.*; do
  [ -f "$fragment" ] || continue
  { sed '$d' "$out_dir/results.json" | sed '$s/$/,/'; cat "$fragment"; printf '\n}\n'; } > "$out_dir/results.json.new"
  mv "$out_dir/results.json.new" "$out_dir/results.json"
done
say "figures written to $out_dir/results.json"
