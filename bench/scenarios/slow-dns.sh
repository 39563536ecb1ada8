# slow DNS: 2,000 host names behind a resolver that answers in 20 ms, c=64 and c=256
#
# A small DNS server on loopback (bench/dns-responder.py) answers every name under bench.test with 127.0.0.1 after
# 20 ms. Each tool runs in a private mount namespace (unshare -m) where /etc/resolv.conf names that server and
# /etc/nsswitch.conf and /etc/hosts send these names to DNS: the machine's own resolver files are never touched.
# The base nginx answers any Host, so the URLs are http://hN.bench.test:PORT/ok, one name each.
# Sourced by bench/run.sh: sees $fetcher, $baseline, $port, $work, $runs, $smoke and lib.sh.

slow_dns() {
  local hosts=2000 delay_ms=20
  $smoke && hosts=300
  if ! ensure_packages python3:python3 unshare:util-linux; then
    say "slow-dns: python3 or unshare could not be installed; skipped"; return 0
  fi
  local dir="$work/slow-dns" address
  mkdir -p "$dir"
  # A loopback address of its own, so no local resolver listening on 127.0.0.1:53 or 127.0.0.53:53 is in the way.
  address="127.53.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
  printf 'nameserver %s\n' "$address" > "$dir/resolv.conf"
  # Names go to files, then DNS (no nscd, mdns or resolved module in between); no hosts line knows bench.test.
  if [ -f /etc/nsswitch.conf ]; then
    sed 's/^hosts:.*/hosts: files dns/' /etc/nsswitch.conf > "$dir/nsswitch.conf"
  else
    printf 'hosts: files dns\n' > "$dir/nsswitch.conf"
  fi
  grep -v 'bench\.test' /etc/hosts > "$dir/hosts" || true
  if ! unshare -m sh -c 'mount --bind "$1" /etc/resolv.conf' sh "$dir/resolv.conf" 2>"$dir/unshare.err"; then
    say "slow-dns: cannot make a private mount namespace (unshare -m: $(head -n 1 "$dir/unshare.err")); skipped"
    return 0
  fi
  if [ -S /var/run/nscd/socket ] || [ -S /run/nscd/socket ]; then
    say "slow-dns: nscd is running: its cache would answer repeated runs; the figures below are not a cold resolver's"
  fi

  run_background python3 "$repo/bench/dns-responder.py" "$address" bench.test "$delay_ms" "$dir/stats.json"
  for _ in $(seq 1 100); do [ -f "$dir/stats.json" ] && break; sleep 0.1; done
  [ -f "$dir/stats.json" ] || { say "slow-dns: the DNS responder did not start; skipped"; return 0; }

  awk -v n="$hosts" -v p="$port" 'BEGIN { for (i = 1; i <= n; i++) print "http://h" i ".bench.test:" p "/ok" }' > "$dir/urls.txt"
  curl_config "$dir/urls.txt" "$dir/curl-config"

  local concurrency fragment="{ \"hosts\": $hosts, \"resolver_delay_ms\": $delay_ms" rows=""
  for concurrency in 64 256; do
    say "slow DNS: $hosts names, resolver $delay_ms ms, concurrency $concurrency, $runs run(s) each"
    for _ in $(seq 1 "$runs"); do
      slow_dns_run fetcher "$concurrency" "$fetcher" "$dir/urls.txt" --max "$concurrency" --format jsonl
      slow_dns_run curl "$concurrency" curl -s -Z --parallel-max "$concurrency" -w '%{http_code}\n' -K "$dir/curl-config"
      if [ -n "$baseline" ]; then
        slow_dns_run baseline "$concurrency" "$baseline" "$dir/urls.txt" --max "$concurrency" --format jsonl
      fi
    done
    slow_dns_report "$concurrency"
  done
  json_fragment slow_dns "$fragment }"
}

# slow_dns_run TOOL CONCURRENCY COMMAND...: one timed run inside the namespace; checks one ok result per URL and
# appends the responder's query counts for the run ("queries repeated") to $dir/TOOL.CONCURRENCY.queries.
slow_dns_run() {
  local tool="$1" concurrency="$2"; shift 2
  slow_dns_counts > /dev/null
  timed "$dir/$tool.$concurrency" unshare -m sh -c \
    'mount --bind "$1" /etc/resolv.conf && mount --bind "$2" /etc/nsswitch.conf && mount --bind "$3" /etc/hosts && shift 3 && exec "$@"' \
    sh "$dir/resolv.conf" "$dir/nsswitch.conf" "$dir/hosts" "$@"
  slow_dns_counts >> "$dir/$tool.$concurrency.queries"
  case "$tool" in
    curl) expect_results curl "$hosts" ;;
    *) expect_results fetcher "$hosts"
       # dns_ms and elapsed_ms medians show where a slow run's time went: waiting for a name, or for a resolver.
       grep -o '"dns_ms":[0-9.]*' "$work/stdout" | cut -d: -f2 | median >> "$dir/$tool.$concurrency.dns_ms"
       grep -o '"elapsed_ms":[0-9.]*' "$work/stdout" | cut -d: -f2 | median >> "$dir/$tool.$concurrency.elapsed_ms" ;;
  esac
  local repeated
  repeated=$(tail -n 1 "$dir/$tool.$concurrency.queries" | awk '{ print $2 }')
  if [ "$repeated" -gt 0 ]; then
    say "slow-dns: $tool at c=$concurrency repeated $repeated queries: lookups were lost and retried (glibc waits 5 s)"
  fi
}

# slow_dns_counts: the responder's counts since the last call, as "queries repeated distinct_names".
slow_dns_counts() {
  rm -f "$dir/stats.json"
  kill -USR1 "${background_pids[-1]}"
  for _ in $(seq 1 100); do [ -f "$dir/stats.json" ] && break; sleep 0.05; done
  python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); print(s["queries"], s["repeated"], s["distinct_names"])' "$dir/stats.json"
}

# slow_dns_report CONCURRENCY: the table rows and the JSON members of one concurrency.
slow_dns_report() {
  local c="$1" f k b=0 tool
  f=$(wall "$dir/fetcher.$c"); k=$(wall "$dir/curl.$c")
  [ -n "$baseline" ] && b=$(wall "$dir/baseline.$c")
  local lo hi
  read -r lo hi < <(round_range "$dir/fetcher.$c" "$dir/curl.$c")
  # Per tool: queries per run (median) and queries repeated over all runs (each one a lookup lost and retried).
  local -A queries repeated
  for tool in fetcher curl baseline; do
    [ -f "$dir/$tool.$c.queries" ] || continue
    queries[$tool]=$(awk '{ print $1 }' "$dir/$tool.$c.queries" | median)
    repeated[$tool]=$(awk '{ s += $2 } END { print s + 0 }' "$dir/$tool.$c.queries")
  done
  table_line "$(awk -v n="$hosts" -v c="$c" -v f="$f" -v k="$k" -v b="$b" -v lo="$lo" -v hi="$hi" -v runs="$runs" \
    -v qf="${queries[fetcher]}" -v qc="${queries[curl]}" -v qb="${queries[baseline]:-}" \
    -v rf="${repeated[fetcher]}" -v rc="${repeated[curl]}" -v rb="${repeated[baseline]:-}" \
    -v df="$(median < "$dir/fetcher.$c.dns_ms")" -v ef="$(median < "$dir/fetcher.$c.elapsed_ms")" \
    -v db="$( [ -n "$baseline" ] && median < "$dir/baseline.$c.dns_ms")" -v eb="$( [ -n "$baseline" ] && median < "$dir/baseline.$c.elapsed_ms")" '
    BEGIN {
      printf "%-44s %14.0f %14.0f %9.2fx\n", "slow DNS, " n " names (20 ms), c=" c " (URLs/s)", n / f, n / k, k / f
      if (runs > 1) printf "%-44s %14s %14s %10s\n", "   same-round ratios, lowest-highest", "", "", sprintf("%.2f-%.2fx", lo, hi)
      if (b > 0) printf "%-44s %14.0f %14s %9.2fx\n", "   --baseline build, same runs (URLs/s)", n / b, "", k / b
      printf "%-44s %14s %14s\n", "   DNS queries a run; repeated in all runs", qf "; " rf, qc "; " rc
      if (b > 0) printf "%-44s %14s\n", "   --baseline DNS queries; repeated", qb "; " rb
      printf "%-44s %14s\n", "   dns_ms / elapsed_ms (medians)", sprintf("%.1f / %.1f", df, ef)
      if (b > 0) printf "%-44s %14s\n", "   --baseline dns_ms / elapsed_ms (medians)", sprintf("%.1f / %.1f", db, eb)
    }')"
  fragment="$fragment, \"c$c\": $(awk -v n="$hosts" -v f="$f" -v k="$k" -v b="$b" -v lo="$lo" -v hi="$hi" \
    -v qf="${queries[fetcher]}" -v qc="${queries[curl]}" -v qb="${queries[baseline]:-0}" \
    -v rf="${repeated[fetcher]}" -v rc="${repeated[curl]}" -v rb="${repeated[baseline]:-0}" 'BEGIN {
    printf "{ \"fetcher_urls_per_s\": %.0f, \"curl_urls_per_s\": %.0f, \"ratio\": %.3f, \"ratio_range\": [%.3f, %.3f], ", n / f, n / k, k / f, lo, hi
    if (b > 0) printf "\"baseline_urls_per_s\": %.0f, \"baseline_ratio\": %.3f, \"baseline_queries\": %d, \"baseline_repeated_queries\": %d, ", n / b, k / b, qb, rb
    printf "\"fetcher_queries\": %d, \"curl_queries\": %d, \"fetcher_repeated_queries\": %d, \"curl_repeated_queries\": %d }", qf, qc, rf, rc }')"
}

slow_dns
