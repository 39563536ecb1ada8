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
  https_side_by_side ka "$work/https-keepalive.txt" "$n_keepalive" "--cacert $work/tls/ca.pem"
  wrk_https=0
  if ! $smoke; then
    wrk -t 2 -c 64 -d 5s "https://localhost:$https_port/ok" > "$work/wrk-https.out" 2>&1
    wrk_https=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk-https.out")
  fi
  keepalive_json=$(https_rows ka "https-keepalive: $n_keepalive URLs, c=64" "$n_keepalive")
  if [ "$wrk_https" != 0 ]; then
    table_line "$(awk -v w="$wrk_https" -v n="$n_keepalive" -v f="$(wall "$work/ka.fetcher")" 'BEGIN { printf "%-44s %14.0f %14s %9.0f%%", "   wrk ceiling, c=64 (req/s; fetcher share)", w, "", 100 * (n / f) / w }')"
  fi
  json_fragment https_keepalive "{ \"urls\": $n_keepalive, \"concurrency\": 64, \"wrk_requests_per_s\": $wrk_https, \"tools\": $keepalive_json }"
fi
