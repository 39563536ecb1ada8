# https-hosts: 5,000 https host names (wildcard certificate, a full TLS handshake each), c=64, --cacert and -k
# Each name h$i.bench.test resolves through an /etc/hosts of the run's own, bind-mounted inside a private mount
# namespace (unshare -m), so the machine's files are never touched; every tool, fetcher's builds and curl alike,
# resolves through it. nginx keeps no TLS session cache and sends no tickets: each URL is a new full handshake.
# shellcheck source=bench/scenarios/https.inc
. "$repo/bench/scenarios/https.inc"

n_hosts=5000; $smoke && n_hosts=300
{ echo '127.0.0.1 localhost'; awk -v n="$n_hosts" 'BEGIN { for (i = 1; i <= n; i++) print "127.0.0.1 h" i ".bench.test" }'; } > "$work/https-hosts.hosts"
if ! ensure_packages nginx:nginx-light openssl:openssl unshare:util-linux; then
  say "https-hosts: nginx/openssl/unshare could not be installed; skipped"
elif ! unshare -m sh -c 'mount --bind "$0" /etc/hosts' "$work/https-hosts.hosts" 2>/dev/null; then
  say "https-hosts: private mount namespaces (unshare -m, mount --bind) are not permitted here; skipped"
else
  https_nginx https-hosts
  awk -v n="$n_hosts" -v p="$https_port" 'BEGIN { for (i = 1; i <= n; i++) print "https://h" i ".bench.test:" p "/ok" }' > "$work/https-hosts.txt"
  # own_hosts COMMAND...: runs COMMAND with $work/https-hosts.hosts as its /etc/hosts.
  own_hosts=(unshare -m sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$work/https-hosts.hosts")
  say "https-hosts: $n_hosts https hosts at concurrency 64, --cacert then -k, $runs run(s) each"
  https_side_by_side hc "$work/https-hosts.txt" "$n_hosts" "--cacert $work/tls/ca.pem" "${own_hosts[@]}"
  https_side_by_side hk "$work/https-hosts.txt" "$n_hosts" "-k" "${own_hosts[@]}"
  cacert_json=$(https_rows hc "https-hosts: $n_hosts, c=64, --cacert" "$n_hosts")
  insecure_json=$(https_rows hk "   the same with -k" "$n_hosts")
  json_fragment https_hosts "{ \"hosts\": $n_hosts, \"concurrency\": 64, \"cacert\": $cacert_json, \"insecure\": $insecure_json }"
fi
