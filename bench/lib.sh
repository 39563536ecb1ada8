# Shared by bench/run.sh and the scenarios in bench/scenarios/: sourced, never run. Every function writes its
# scratch files under $work (made by run.sh) and reports progress on stderr.

say() { printf '==> %s\n' "$*" >&2; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: a loopback port nothing listens on now (a scenario's server binds it next).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "bench: no free loopback port found" >&2; return 1
}

# wait_for_port PORT [TRIES]: waits (0.1 s a try) until something listens on PORT.
wait_for_port() {
  for _ in $(seq 1 "${2:-50}"); do port_in_use "$1" && return 0; sleep 0.1; done
  return 1
}

# Background servers a scenario starts: run_background COMMAND... records the pid so the exit trap stops it.
background_pids=()
run_background() { "$@" & background_pids+=($!); }
kill_background() {
  local pid
  for pid in "${background_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  background_pids=()
}

# ensure_packages COMMAND:PACKAGE...: installs (apt) the package of each missing command. Returns 1 when it cannot.
ensure_packages() {
  local pair missing=()
  for pair in "$@"; do
    case "${pair%%:*}" in
      /*) [ -e "${pair%%:*}" ] || missing+=("${pair#*:}") ;;
      *) command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  local sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"; } >&2
}

# per_second COUNT SECONDS: COUNT / SECONDS, rounded, e.g. URLs/s from a median wall time.
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall() { awk '{ print $1 }' "$1" | median; }
# round_range TIMES_A TIMES_B: the lowest and highest over the rounds of B's time over A's, taken line by line (each
# file holds one line a round, its time first), as "LOW HIGH": how far a same-round ratio (fetcher's speed against a
# peer's, A fetcher's times) moved between rounds, beside the ratio of the medians that the tables quote.
round_range() {
  paste -d ' ' <(awk '{ print $1 }' "$1") <(awk '{ print $1 }' "$2") |
    awk 'NF == 2 && $1 > 0 { r = $2 / $1; if (n++ == 0 || r < lo) lo = r; if (n == 1 || r > hi) hi = r } END { printf "%.3f %.3f\n", lo, hi }'
}
rss_mb() { awk '{ print $2 / 1024 }' "$1" | median; }

# timed LABEL RESULTS_FILE COMMAND...: runs COMMAND under /usr/bin/time, appends "wall_seconds peak_rss_kb" to
# RESULTS_FILE. The command's stdout goes to $work/stdout.
timed() {
  local results="$1"; shift
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$work/time.out" "$@" > "$work/stdout" 2>"$work/stderr" || true
  end=$EPOCHREALTIME
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }') $(tail -n 1 "$work/time.out")" >> "$results"
}


# bare_client: publishes bench/bare-client (Native AOT) once per benchmark and sets the array bare to the command that
# runs it (args: LIST CA_PEM CONCURRENCY [1.1]), the smallest .NET client with fetcher's transport settings: what .NET
# itself reaches on this machine (see its Program.cs). It is set up as fetcher sets itself up: inline socket
# completions, and the machine's CA store left unread, since the CA given replaces it. Returns 1, with bare empty,
# when it cannot be built; the scenarios then leave its rows out.
bare=()
bare_client() {
  [ ${#bare[@]} -gt 0 ] && return 0
  say "publishing the bare .NET client (Native AOT)"
  if ! dotnet publish "$repo/bench/bare-client/BareClient.csproj" -c Release -r linux-x64 -o "$work/bare" > "$work/publish-bare.log" 2>&1; then
    cat "$work/publish-bare.log" >&2
    return 1
  fi
  bare=(env DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 SSL_CERT_FILE=/dev/null SSL_CERT_DIR= "$work/bare/bare-client")
}

# A scenario reports through these two, so run.sh can print every scenario's lines under the classic table and
# gather the JSON: table_line TEXT (one printed row) and json_fragment NAME JSON_OBJECT.
table_line() { printf '%s\n' "$*" >> "$work/table.extra"; }
json_fragment() { printf '  "%s": %s' "$1" "$2" >> "$work/json.extra.$1"; }

# list_scenarios: the scenarios bench/scenarios/ holds, with the first comment line of each.
list_scenarios() {
  local file
  echo "base          the classic four: throughput, latency-bound, scale, cold start"
  for file in "$repo"/bench/scenarios/*.sh; do
    [ -f "$file" ] || continue
    printf '%-13s %s\n' "$(basename "$file" .sh)" "$(sed -n 's/^# *//p' "$file" | head -n 1)"
  done
}

# scenario_selected NAME: whether this run measures NAME (--only, or default: every non-optional one; --with adds).
# A scenario file marks itself optional with a line '# optional' among its first five.
scenario_selected() {
  local name="$1"
  case ",$with," in *",$name,"*) return 0 ;; esac
  if [ -n "$only" ]; then case ",$only," in *",$name,"*) return 0 ;; *) return 1 ;; esac; fi
  [ "$name" = base ] && return 0
  ! head -n 5 "$repo/bench/scenarios/$name.sh" | grep -qx '# optional'
}
