# 1,000,000 URLs to one host at c=128: throughput, peak RSS, and fetcher's RSS sampled over the run
# optional
# It takes minutes: bench/run.sh --with million.
#
# One run per tool (fetcher, curl -Z, then --baseline when given): at this size a run lasts long enough that the
# machine's noise averages out within it. The results are counted as they stream out instead of being kept (a million
# JSON lines are about 600 MB): every URL must still get exactly one ok result. fetcher's RSS is read from /proc
# every half second, to show whether memory stays flat or grows with the number of URLs done.
# Sourced by bench/run.sh: sees $fetcher, $baseline, $base, $work, $smoke and lib.sh.

million() {
  local count=1000000 concurrency=128 dir="$work/million"
  $smoke && count=20000
  mkdir -p "$dir"
  awk -v n="$count" -v u="$base/ok" 'BEGIN { for (i = 1; i <= n; i++) print u "?i=" i }' > "$dir/urls.txt"
  curl_config "$dir/urls.txt" "$dir/curl-config"
  say "million: $count URLs at concurrency $concurrency, one run each"

  million_run fetcher '"ok":true' "$fetcher" "$dir/urls.txt" --max "$concurrency" --format jsonl
  million_run curl '^200$' curl -s -Z --parallel-max "$concurrency" -w '%{http_code}\n' -K "$dir/curl-config"
  [ -n "$baseline" ] && million_run baseline '"ok":true' "$baseline" "$dir/urls.txt" --max "$concurrency" --format jsonl

  local f k b=0
  f=$(wall "$dir/fetcher"); k=$(wall "$dir/curl")
  [ -n "$baseline" ] && b=$(wall "$dir/baseline")
  # RSS over the run: the median of its first and of its last quarter of samples (flat: about the same).
  local early late peak_f peak_c
  early=$(awk '{ v[NR] = $1 } END { n = int(NR / 4); if (n < 1) n = 1; for (i = 1; i <= n; i++) print v[i] }' "$dir/fetcher.rss" | median)
  late=$(awk '{ v[NR] = $1 } END { n = int(NR / 4); if (n < 1) n = 1; for (i = NR - n + 1; i <= NR; i++) print v[i] }' "$dir/fetcher.rss" | median)
  peak_f=$(rss_mb "$dir/fetcher"); peak_c=$(rss_mb "$dir/curl")
  table_line "$(awk -v n="$count" -v c="$concurrency" -v f="$f" -v k="$k" -v b="$b" -v pf="$peak_f" -v pc="$peak_c" \
    -v early="$early" -v late="$late" -v samples="$(wc -l < "$dir/fetcher.rss")" 'BEGIN {
      printf "%-44s %14.0f %14.0f %9.2fx\n", "million: " n " URLs, c=" c " (URLs/s)", n / f, n / k, k / f
      printf "%-44s %14.1f %14.1f\n", "   wall (s)", f, k
      if (b > 0) printf "%-44s %14.0f %14s %9.2fx\n", "   --baseline build (URLs/s)", n / b, "", k / b
      printf "%-44s %14.1f %14.1f\n", "   peak RSS (MB)", pf, pc
      printf "%-44s %14s", "   fetcher RSS, first / last quarter (MB)", sprintf("%.1f / %.1f", early / 1024, late / 1024)
    }')"
  json_fragment million "$(awk -v n="$count" -v c="$concurrency" -v f="$f" -v k="$k" -v b="$b" -v pf="$peak_f" -v pc="$peak_c" \
    -v early="$early" -v late="$late" 'BEGIN {
      printf "{ \"urls\": %d, \"concurrency\": %d, \"fetcher_s\": %.2f, \"curl_s\": %.2f, \"ratio\": %.3f, ", n, c, f, k, k / f
      if (b > 0) printf "\"baseline_s\": %.2f, \"baseline_ratio\": %.3f, ", b, k / b
      printf "\"fetcher_peak_rss_mb\": %.1f, \"curl_peak_rss_mb\": %.1f, \"fetcher_rss_first_quarter_mb\": %.1f, \"fetcher_rss_last_quarter_mb\": %.1f }", pf, pc, early / 1024, late / 1024
    }')"
}

# million_run TOOL OK_PATTERN COMMAND...: one timed run whose output is counted as it streams (lines, and lines that
# match OK_PATTERN); appends "wall_seconds peak_rss_kb" to $dir/TOOL and the RSS samples (kB) to $dir/TOOL.rss.
million_run() {
  local tool="$1" ok="$2"; shift 2
  rm -f "$dir/pid"
  local start end sampler
  start=$EPOCHREALTIME
  { /usr/bin/time -f '%M' -o "$dir/time.out" sh -c 'echo $$ > "$0"; exec "$@"' "$dir/pid" "$@" 2>"$dir/stderr" \
      | awk -v ok="$ok" '$0 ~ ok { good++ } END { print NR, good + 0 }' > "$dir/counted"; } &
  local pipeline=$!
  # The sampler reads the tool's own process (the pid it wrote before exec), never anything found by name.
  {
    for _ in $(seq 1 100); do [ -s "$dir/pid" ] && break; sleep 0.05; done
    local pid; pid=$(cat "$dir/pid")
    while [ -r "/proc/$pid/status" ]; do
      awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null
      sleep 0.5
    done
  } > "$dir/$tool.rss" &
  sampler=$!
  wait "$pipeline" || true
  end=$EPOCHREALTIME
  wait "$sampler" || true
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }') $(tail -n 1 "$dir/time.out")" >> "$dir/$tool"
  local lines good
  read -r lines good < "$dir/counted"
  if [ "$lines" -ne "$count" ] || [ "$good" -ne "$count" ]; then
    echo "bench: million: $tool gave $lines results ($good ok) for $count URLs" >&2
    head -n 3 "$dir/stderr" >&2
    exit 1
  fi
}

million
