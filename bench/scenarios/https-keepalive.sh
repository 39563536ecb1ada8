# https-keepalive: 20,000 URLs to one https host over HTTP/1.1 keep-alive, c=64, against curl -Z and wrk (the ceiling)
# The TLS handshakes are few (one per connection); what this measures is the cost of each request over TLS.
# shellcheck source=bench/scenarios/https.inc
. "$repo/bench/scenarios/https.inc"

if ! ensure_packages nginx:nginx-light openssl:openssl; then
  say "https-keepalive: nginx/openssl could not be installed; skipped"
else
  n_keepalive=20000; $smoke && n_keepalive=2000
  https_nginx https-keepalive
  awk -v n="$n_keepalive" -v p="$https_port" 'BEGIN { for (i = 1; i <= n; i++) print "https://localhost:" p "/ok?i=" i }' > "$work/https-keepalive.txt"
  say "https-keepalive: $n_keepalive URLs to one https host at concurrency 64, $runs run(s) each"
  bare_client || say "https-keepalive: the bare .NET client could not be built; its rows are left out"
  with_bare=1 https_side_by_side ka "$work/https-keepalive.txt" "$n_keepalive" "--cacert $work/tls/ca.pem"
  # The ceiling, wrk, runs 4 s once a run, each time beside a fetcher run of 100,000 URLs (about as long): its median is
  # set against both fetcher figures. The 20,000-URL share carries fetcher's fixed costs (process start, the first
  # handshakes: a tenth of a one-second run) that wrk's 4 s hide; the 100,000-URL share spreads them out.
  n_long=100000 long_fetcher=0 long_wrk=0 wrk_https=0
  if ! $smoke; then
    awk -v n="$n_long" -v p="$https_port" 'BEGIN { for (i = 1; i <= n; i++) print "https://localhost:" p "/ok?i=" i }' > "$work/https-keepalive-long.txt"
    for _ in $(seq 1 "$runs"); do
      timed "$work/ka-long.fetcher" "$fetcher" "$work/https-keepalive-long.txt" --max 64 --format jsonl --cacert "$work/tls/ca.pem"
      expect_results fetcher "$n_long"
      wrk -t 2 -c 64 -d 4s "https://localhost:$https_port/ok" 2>&1 | awk '/^Requests\/sec:/ { print $2 }' >> "$work/ka-long.wrk"
    done
    long_fetcher=$(per_second "$n_long" "$(wall "$work/ka-long.fetcher")")
    long_wrk=$(median < "$work/ka-long.wrk")
    wrk_https=$long_wrk
  fi
  keepalive_json=$(https_rows ka "https-keepalive: $n_keepalive URLs, c=64" "$n_keepalive")
  if [ "$wrk_https" != 0 ]; then
    table_line "$(awk -v w="$wrk_https" -v n="$n_keepalive" -v f="$(wall "$work/ka.fetcher")" 'BEGIN { printf "%-44s %14.0f %14s %9.0f%%", "   wrk, c=64, 4 s (req/s; fetcher share)", w, "", 100 * (n / f) / w }')"
  fi
  if [ -s "$work/ka.bare" ]; then
    # fetcher's own cost is the gap between the two .NET clients.
    table_line "$(awk -v n="$n_keepalive" -v b="$(wall "$work/ka.bare")" -v f="$(wall "$work/ka.fetcher")" -v w="$wrk_https" 'BEGIN { printf "%-44s %14.0f %14s %9s\n%-44s %14.0f%%", "   bare .NET HttpClient (URLs/s; wrk share)", n / b, "", (w > 0 ? sprintf("%.0f%%", 100 * (n / b) / w) : "-"), "   fetcher / bare .NET HttpClient", 100 * b / f }')"
  fi
  if [ "$long_fetcher" != 0 ]; then
    table_line "$(awk -v f="$long_fetcher" -v w="$long_wrk" 'BEGIN { if (w > 0) printf "%-44s %14.0f %14.0f %9.0f%%", "   100,000 URLs: fetcher; wrk (share)", f, w, 100 * f / w }')"
    # wrk's rate as the time it would take for the same URLs, so that each round's share pairs with that round's run.
    awk -v n="$n_long" '$1 > 0 { print n / $1 }' "$work/ka-long.wrk" > "$work/ka-long.wrk-times"
    read -r lo hi < <(round_range "$work/ka-long.fetcher" "$work/ka-long.wrk-times")
    if [ "$runs" -gt 1 ]; then
      table_line "$(printf '%-44s %14s %14s %10s' "   same-round shares, lowest-highest" "" "" "$(awk -v lo="$lo" -v hi="$hi" 'BEGIN { printf "%.0f-%.0f%%", 100 * lo, 100 * hi }')")"
    fi
  fi
  json_fragment https_keepalive "{ \"urls\": $n_keepalive, \"concurrency\": 64, \"wrk_requests_per_s\": $wrk_https, \"steady_state\": { \"urls\": $n_long, \"fetcher_urls_per_s\": $long_fetcher, \"wrk_requests_per_s\": $long_wrk }, \"tools\": $keepalive_json }"
fi
