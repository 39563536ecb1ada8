# HTTP/2 over TLS: 20,000 URLs to one nginx (http2), c=64: fetcher h2 and --http1.1, curl -Z --http2, h2load ceiling
# Sourced by bench/run.sh (sees $fetcher, $baseline, $work, $runs, $smoke and lib.sh). nginx 1.22 (Debian 12) turns
# HTTP/2 on with 'listen … ssl http2' (the 'http2 on' directive came in 1.25); its own certificate, made here by a
# throwaway CA, is trusted by every client through --cacert, so no tool pays for the system store.

h2_scenario() {
  ensure_packages h2load:nghttp2-client openssl:openssl || { say "http2: h2load could not be installed (apt); scenario skipped"; return 0; }
  local dir="$work/h2" n=20000 concurrency=64 port
  $smoke && n=2000
  mkdir -p "$dir/www" "$dir/tmp"
  printf 'ok\n' > "$dir/www/ok"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=fetcher bench CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/server.ext" -out "$dir/server.pem" >/dev/null 2>&1 || { say "http2: openssl could not make the certificate; scenario skipped"; return 0; }
  chmod -R a+rX "$dir"
  port=$(free_port)
  # access_log stays off for the timed runs; the connections each tool opened are counted from its own results.
  cat > "$dir/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $dir/tmp;
  proxy_temp_path $dir/tmp;
  fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp;
  scgi_temp_path $dir/tmp;
  server {
    listen 127.0.0.1:$port ssl http2;
    ssl_certificate $dir/server.pem;
    ssl_certificate_key $dir/server.key;
    root $dir/www;
    location = /ok { default_type text/plain; }
  }
}
EOF
  run_background nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf"
  wait_for_port "$port" || { say "http2: nginx did not start"; cat "$dir/error.log" >&2; return 1; }
  local origin="https://127.0.0.1:$port"
  awk -v n="$n" -v u="$origin/ok" 'BEGIN { for (i = 1; i <= n; i++) print u "?i=" i }' > "$dir/urls.txt"
  awk '{ print "url = \"" $0 "\"\noutput = \"/dev/null\"" }' "$dir/urls.txt" > "$dir/curl.config"

  bare_client || say "http2: the bare .NET client could not be built; its rows are left out"
  say "http2: $n URLs over TLS to $origin at c=$concurrency, $runs run(s) each"
  for _ in $(seq 1 "$runs"); do
    timed "$dir/fetcher.h2" "$fetcher" "$dir/urls.txt" --max "$concurrency" --cacert "$dir/ca.pem" --format jsonl
    h2_expect fetcher "$n" 2 "$dir/fetcher.h2.connections"
    timed "$dir/fetcher.h1" "$fetcher" "$dir/urls.txt" --max "$concurrency" --cacert "$dir/ca.pem" --http1.1 --format jsonl
    h2_expect fetcher "$n" 1.1 "$dir/fetcher.h1.connections"
    timed "$dir/curl" curl -s -Z --http2 --parallel-max "$concurrency" --cacert "$dir/ca.pem" -w '%{http_code} %{http_version}\n' -K "$dir/curl.config"
    h2_expect curl "$n" 2
    if [ -n "$baseline" ]; then
      timed "$dir/baseline" "$baseline" "$dir/urls.txt" --max "$concurrency" --cacert "$dir/ca.pem" --format jsonl
      h2_expect fetcher "$n" 2 "$dir/baseline.connections"
    fi
    if [ ${#bare[@]} -gt 0 ]; then
      timed "$dir/bare" "${bare[@]}" "$dir/urls.txt" "$dir/ca.pem" "$concurrency"
      expect_results bare "$n" "200 2.0 3"
    fi
    # The ceiling the target is set against, in the same run as the tools it is compared with.
    h2load_once "$n" 64 10 "$dir/h2load.c64m10" || return 1
  done
  # Steady state: 100,000 URLs, fetcher and h2load -m 10 side by side, so that process start and the first handshake
  # (a fixed cost, a tenth of a 20,000-URL run) are spread out for both.
  local n_long=100000
  if ! $smoke; then
    awk -v n="$n_long" -v u="$origin/ok" 'BEGIN { for (i = 1; i <= n; i++) print u "?i=" i }' > "$dir/urls-long.txt"
    for _ in $(seq 1 "$runs"); do
      timed "$dir/fetcher.long" "$fetcher" "$dir/urls-long.txt" --max "$concurrency" --cacert "$dir/ca.pem" --format jsonl
      h2_expect fetcher "$n_long" 2
      h2load_once "$n_long" 64 10 "$dir/h2load.long" || return 1
    done
  fi
  # The ceiling: h2load (nghttp2's C client, no per-URL work beyond the request) with 10 streams per connection, and
  # with all of c=64's streams on one or two connections, which is what fetcher does.
  local shape
  for shape in "1 64" "2 32"; do
    set -- $shape
    for _ in $(seq 1 "$runs"); do
      h2load_once "$n" "$1" "$2" "$dir/h2load.c$1m$2" || return 1
    done
  done
  h2_report "$dir" "$n" "$concurrency"
  if [ -s "$dir/bare" ]; then
    # fetcher's own cost is the gap between the two .NET clients; the platform's is the gap from the bare one to h2load.
    local bare_rate fetcher_rate h2load_rate
    bare_rate=$(per_second "$n" "$(wall "$dir/bare")")
    fetcher_rate=$(per_second "$n" "$(wall "$dir/fetcher.h2")")
    h2load_rate=$(per_second "$n" "$(median < "$dir/h2load.c64m10")")
    table_line "$(awk -v b="$bare_rate" -v h="$h2load_rate" 'BEGIN { printf "%-44s %14.0f %14s %9.0f%%", "   bare .NET HttpClient, h2 (h2load share)", b, "", 100 * b / h }')"
    table_line "$(awk -v b="$bare_rate" -v f="$fetcher_rate" 'BEGIN { printf "%-44s %14.0f%%", "   fetcher / bare .NET HttpClient", 100 * f / b }')"
    json_fragment http2_bare_client "{ \"urls\": $n, \"bare_urls_per_s\": $bare_rate, \"fetcher_urls_per_s\": $fetcher_rate, \"h2load_c64_m10_requests_per_s\": $h2load_rate }"
  fi
  if [ -s "$dir/h2load.long" ]; then
    local long_fetcher long_h2load
    long_fetcher=$(per_second "$n_long" "$(wall "$dir/fetcher.long")")
    long_h2load=$(per_second "$n_long" "$(median < "$dir/h2load.long")")
    table_line "$(awk -v f="$long_fetcher" -v h="$long_h2load" 'BEGIN { printf "%-44s %14.0f %14.0f %9.0f%%", "   100,000 URLs: fetcher; h2load -m 10 (share)", f, h, 100 * f / h }')"
    json_fragment http2_steady_state "{ \"urls\": $n_long, \"fetcher_urls_per_s\": $long_fetcher, \"h2load_c64_m10_requests_per_s\": $long_h2load }"
  fi
}

# h2load_once COUNT CLIENTS STREAMS FILE: one h2load run against $origin; checks every request succeeded and appends
# its duration in seconds to FILE. "finished in 1.23s, 16260.16 req/s, …": the time's unit varies (us, ms, s), the
# rate's does not, so the duration is COUNT / rate.
h2load_once() {
  h2load -n "$1" -c "$2" -m "$3" "$origin/ok" > "$dir/h2load.out" 2>&1 || true
  grep -q "requests: $1 total, $1 started, $1 done, $1 succeeded" "$dir/h2load.out" \
    || { say "http2: h2load -n $1 -c $2 -m $3 did not finish every request"; cat "$dir/h2load.out" >&2; return 1; }
  awk -v n="$1" '/^finished in/ { print n / $4 }' "$dir/h2load.out" >> "$4"
}

# h2_expect TOOL COUNT VERSION [CONNECTIONS_FILE]: every URL got exactly one result, each a success over VERSION; for
# fetcher, also appends how many connections it opened (results with a connect phase of their own).
h2_expect() {
  case "$1" in
    fetcher) expect_results fetcher "$2" "\"ok\":true.*\"http_version\":\"$3\"" ;;
    curl) expect_results curl "$2" "200 $3" ;;
  esac
  if [ -n "${4:-}" ]; then grep -c '"connect_ms":[0-9]' "$work/stdout" >> "$4" || true; fi
}

# h2_report DIR COUNT CONCURRENCY: the table rows and the JSON object, every figure a median of the runs above.
h2_report() {
  local dir="$1" n="$2" c="$3" b=0 bc=0
  local f2 f1 cu h10 h1 h2 rss2 rss1 rssc c2 c1
  f2=$(wall "$dir/fetcher.h2"); f1=$(wall "$dir/fetcher.h1"); cu=$(wall "$dir/curl")
  h10=$(median < "$dir/h2load.c64m10"); h1=$(median < "$dir/h2load.c1m64"); h2=$(median < "$dir/h2load.c2m32")
  rss2=$(rss_mb "$dir/fetcher.h2"); rss1=$(rss_mb "$dir/fetcher.h1"); rssc=$(rss_mb "$dir/curl")
  c2=$(median < "$dir/fetcher.h2.connections"); c1=$(median < "$dir/fetcher.h1.connections")
  if [ -n "$baseline" ]; then b=$(wall "$dir/baseline"); bc=$(median < "$dir/baseline.connections"); fi
  local lo hi
  read -r lo hi < <(round_range "$dir/fetcher.h2" "$dir/h2load.c64m10")
  awk -v n="$n" -v c="$c" -v f2="$f2" -v f1="$f1" -v cu="$cu" -v b="$b" -v bc="$bc" -v h10="$h10" -v h1="$h1" -v h2="$h2" \
    -v rss2="$rss2" -v rss1="$rss1" -v rssc="$rssc" -v c2="$c2" -v c1="$c1" -v lo="$lo" -v hi="$hi" -v runs="$runs" 'BEGIN {
    printf "%-44s %14s %14s %10s\n", "5. http2: " n " URLs, TLS, c=" c " (URLs/s)", "fetcher", "curl -Z --http2", "ratio"
    printf "%-44s %14.0f %14.0f %9.2fx\n", "   fetcher default (h2), " c2 " connection(s)", n / f2, n / cu, cu / f2
    printf "%-44s %14.0f %14s %9.2fx\n", "   fetcher --http1.1, " c1 " connection(s)", n / f1, "", cu / f1
    if (b > 0) printf "%-44s %14.0f %14s %9.2fx\n", "   --baseline build (h2), " bc " connection(s)", n / b, "", cu / b
    printf "%-44s %14.0f %14s %9.0f%%\n", "   h2load -c 64 -m 10 ceiling (fetcher share)", n / h10, "", 100 * h10 / f2
    if (runs > 1) printf "%-44s %14s %14s %10s\n", "   same-round shares, lowest-highest", "", "", sprintf("%.0f-%.0f%%", 100 * lo, 100 * hi)
    printf "%-44s %14.0f %14s %9.0f%%\n", "   h2load -c 1 -m 64 (fetcher share)", n / h1, "", 100 * h1 / f2
    printf "%-44s %14.0f %14s %9.0f%%\n", "   h2load -c 2 -m 32 (fetcher share)", n / h2, "", 100 * h2 / f2
    printf "%-44s %14.2f %14s\n", "   h2 / --http1.1 (fetcher, same runs)", f1 / f2, ""
    printf "%-44s %14.1f %14.1f\n", "   peak RSS, h2 (MB)", rss2, rssc
    printf "%-44s %14.1f\n", "   peak RSS, --http1.1 (MB)", rss1
  }' | while IFS= read -r line; do table_line "$line"; done
  json_fragment http2 "$(awk -v n="$n" -v c="$c" -v f2="$f2" -v f1="$f1" -v cu="$cu" -v b="$b" -v bc="$bc" -v h10="$h10" -v h1="$h1" -v h2="$h2" \
    -v rss2="$rss2" -v rss1="$rss1" -v rssc="$rssc" -v c2="$c2" -v c1="$c1" -v lo="$lo" -v hi="$hi" 'BEGIN {
    printf "{ \"urls\": %d, \"concurrency\": %d, \"fetcher_h2_urls_per_s\": %.0f, \"fetcher_http11_urls_per_s\": %.0f, ", n, c, n / f2, n / f1
    printf "\"curl_h2_urls_per_s\": %.0f, \"ratio_h2\": %.3f, \"ratio_http11\": %.3f, ", n / cu, cu / f2, cu / f1
    if (b > 0) printf "\"baseline_h2_urls_per_s\": %.0f, \"baseline_ratio\": %.3f, \"baseline_connections\": %d, ", n / b, cu / b, bc
    printf "\"h2load_c64_m10_requests_per_s\": %.0f, \"h2load_c1_m64_requests_per_s\": %.0f, \"h2load_c2_m32_requests_per_s\": %.0f, ", n / h10, n / h1, n / h2
    printf "\"fetcher_share_of_h2load_m10\": %.3f, \"share_range\": [%.3f, %.3f], \"fetcher_h2_connections\": %d, \"fetcher_http11_connections\": %d, ", h10 / f2, lo, hi, c2, c1
    printf "\"fetcher_h2_peak_rss_mb\": %.1f, \"fetcher_http11_peak_rss_mb\": %.1f, \"curl_peak_rss_mb\": %.1f }", rss2, rss1, rssc
  }')"
}

h2_scenario
