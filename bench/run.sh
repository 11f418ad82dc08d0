#!/usr/bin/env bash
# ChargePay CSMS benchmark (issue 8). Usage: bench/run.sh PROFILE [options]; see bench/README.md.
#
# Builds the CSMS and the simulator if their jars are missing, then per run: a fresh MariaDB database, the CSMS in the
# prod profile, seeded chargers and idTag, the simulator's load mode with the profile's traffic model in its own
# process(es), server samples (CPU, RSS, threads, heap after GC), and at the end one table plus a JSON report
# bench/results/<profile>-<timestamp>.json (per-run raw files under bench/results/<profile>-<timestamp>/).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
	cat <<'EOF'
bench/run.sh PROFILE [options]
  PROFILE               idle | moderate | stress | storm | chosen-keys
  --chargers N          fleet size (defaults: idle 10000, moderate 1000, stress 5000, storm 10000, chosen-keys 2000)
  --duration D          seconds per run, ramp included (defaults: idle 600, moderate 240, stress 180, storm 150,
                        chosen-keys 100)
  --runs R              repetitions; figures are medians over the runs (default 3)
  --ramp R              total new connections per second over all simulator processes (default 100; storm: N/60;
                        chosen-keys: 200)
  --meter-interval S    override the profile's M (whole seconds), e.g. to push stress past what N chargers give
  --heartbeat-interval S override the profile's H
  --procs P             simulator processes (default: one per 9,500 chargers)
  --jvm "FLAGS"         JVM flags of the CSMS (default: see DEFAULT_JVM below)
  --jfr                 record a JFR profile of the CSMS for the whole run (run dir, csms.jfr)
  --db NAME             database name, must start with csms_bench (default csms_bench)
  --key-hash FORM       how the fleet's AuthorizationKey is stored: generated (salted SHA-256, as for keys the CSMS
                        generates; default) or pbkdf2 (as for keys an operator chose; chosen-keys' default)
chosen-keys also measures its ceiling in every run: the same simulator load against a bare responder (no
authentication, no database, bench/tools/BareResponder.java) on the same machine, and prints each action's p99 beside
it with the ratio (bench/tools/ceiling.py).
  --verifiers HOW       with --key-hash pbkdf2: registered (default; each charger's key verifier stored as registering
                        it through the CSMS stores it, so the first upgrade skips PBKDF2) or none (each charger's first
                        upgrade pays PBKDF2, as after a change of csms.chargers.key-verifier-secret)
  --tag TEXT            free text stored in the report (e.g. the fix under test)
Environment: CSMS_JAR (a prebuilt CSMS jar), MYSQL_HOST (127.0.0.1), MYSQL_PORT (3306), MYSQL_USER (root), MYSQL_PASSWORD (empty),
  OCPP_PORT (19090), HTTP_PORT (19080), MGMT_PORT (19081), ANVIL_PORT (19545), STRIPE_PORT (19111).
EOF
}

[[ $# -ge 1 ]] || { usage; exit 2; }
PROFILE=$1; shift
case "$PROFILE" in idle|moderate|stress|storm|chosen-keys) ;; -h|--help) usage; exit 0 ;; *) echo "unknown profile $PROFILE" >&2; usage; exit 2 ;; esac

CHARGERS=""; DURATION=""; RUNS=3; RAMP=""; METER=""; HEARTBEAT=""; PROCS=""; JFR=0; DB=csms_bench; TAG=""
KEY_HASH=""; VERIFIERS=registered
DEFAULT_JVM="-Xms2g -Xmx4g -XX:+UseG1GC -XX:MaxGCPauseMillis=100 -XX:+ExitOnOutOfMemoryError -Xss512k -XX:ThreadPriorityPolicy=1"
JVM_FLAGS="$DEFAULT_JVM"
while [[ $# -gt 0 ]]; do
	case "$1" in
		--chargers) CHARGERS=$2; shift 2 ;;
		--duration) DURATION=${2%s}; shift 2 ;;
		--runs) RUNS=$2; shift 2 ;;
		--ramp) RAMP=$2; shift 2 ;;
		--meter-interval) METER=${2%s}; shift 2 ;;
		--heartbeat-interval) HEARTBEAT=${2%s}; shift 2 ;;
		--procs) PROCS=$2; shift 2 ;;
		--jvm) JVM_FLAGS=$2; shift 2 ;;
		--jfr) JFR=1; shift ;;
		--db) DB=$2; shift 2 ;;
		--tag) TAG=$2; shift 2 ;;
		--key-hash) KEY_HASH=$2; shift 2 ;;
		--verifiers) VERIFIERS=$2; shift 2 ;;
		-h|--help) usage; exit 0 ;;
		*) echo "unknown option $1" >&2; usage; exit 2 ;;
	esac
done
[[ "$DB" == csms_bench* ]] || { echo "--db must start with csms_bench" >&2; exit 2; }
[[ -n "$KEY_HASH" ]] || { if [[ $PROFILE == chosen-keys ]]; then KEY_HASH=pbkdf2; else KEY_HASH=generated; fi; }
[[ "$KEY_HASH" == generated || "$KEY_HASH" == pbkdf2 ]] || { echo "--key-hash is generated or pbkdf2" >&2; exit 2; }
[[ "$VERIFIERS" == registered || "$VERIFIERS" == none ]] || { echo "--verifiers is registered or none" >&2; exit 2; }
[[ "$KEY_HASH" == pbkdf2 ]] || VERIFIERS=none

# Traffic model per profile (issue 8): H heartbeat, M meter interval, share of chargers cycling transactions with
# their on/off lengths. moderate: 60% of chargers cycle 150 s on / 30 s off, so 50% are in a transaction at any time
# (B=50%); stress: every charger starts at once and charges until the end (B=100%). chosen-keys (issue 17): a fleet
# with operator-chosen keys connecting at 200/s, each charger doing one RFID session (Authorize, then StartTransaction
# with a balance check on the chain) of 60 s with MeterValues every 5 s, then StopTransaction (a payment link). Each
# session starts within 20 s of its charger's connect (the cycle's pause), so the stops spread over the run's end
# rather than all coming in the drain.
AUTHORIZE_FIRST=""; PER_CHARGER=0
case "$PROFILE" in
	idle)     H=300; M=60; SHARE=0;   TXLEN=60;    TXPAUSE=30; N_DEF=10000; D_DEF=600 ;;
	moderate) H=60;  M=60; SHARE=0.6; TXLEN=150;   TXPAUSE=30; N_DEF=1000;  D_DEF=240 ;;
	stress)   H=60;  M=10; SHARE=1;   TXLEN=86400; TXPAUSE=1;  N_DEF=5000;  D_DEF=180 ;;
	storm)    H=300; M=60; SHARE=0;   TXLEN=60;    TXPAUSE=30; N_DEF=10000; D_DEF=150 ;;
	chosen-keys) H=30; M=5; SHARE=1;  TXLEN=60;    TXPAUSE=20; N_DEF=2000; D_DEF=100; AUTHORIZE_FIRST=--authorize-first
		PER_CHARGER=1 ;;
esac
N=${CHARGERS:-$N_DEF}; DURATION=${DURATION:-$D_DEF}; H=${HEARTBEAT:-$H}; M=${METER:-$M}
if [[ -z "$RAMP" ]]; then
	case "$PROFILE" in storm) RAMP=$(( (N + 59) / 60 )) ;; chosen-keys) RAMP=200 ;; *) RAMP=100 ;; esac
fi
PROCS=${PROCS:-$(( (N + 9499) / 9500 ))}

MYSQL_HOST=${MYSQL_HOST:-127.0.0.1}; MYSQL_PORT=${MYSQL_PORT:-3306}; MYSQL_USER=${MYSQL_USER:-root}
MYSQL_PASSWORD=${MYSQL_PASSWORD:-}
OCPP_PORT=${OCPP_PORT:-19090}; BARE_PORT=${BARE_PORT:-19092}; HTTP_PORT=${HTTP_PORT:-19080}; MGMT_PORT=${MGMT_PORT:-19081}
ANVIL_PORT=${ANVIL_PORT:-19545}; STRIPE_PORT=${STRIPE_PORT:-19111}
SHARED_KEY=bench-shared-key-0000001
VERIFIER_SECRET=bench-key-verifier-secret-0123456789abcdef
LETTERS=(A B C D E F G H)
# Each charger's driver: idTag B<letter><n> (the simulator's {n} is the charger's number), user bench-<letter><n>, and
# a default wallet on the "ethereum" chain, which the CSMS reads from the local anvil node (tools/fund_wallets.py).
CHAIN=ethereum
mysql_() { mysql -h"$MYSQL_HOST" -P"$MYSQL_PORT" -u"$MYSQL_USER" ${MYSQL_PASSWORD:+-p"$MYSQL_PASSWORD"} "$@"; }

CSMS_JAR=${CSMS_JAR:-$ROOT/target/csms-0.1.0-SNAPSHOT.jar}
SIM_JAR=$ROOT/charger-simulator/target/charger-simulator.jar
if [[ ! -f $CSMS_JAR ]]; then (cd "$ROOT" && ./mvnw -B -q package -DskipTests); fi
if [[ ! -f $SIM_JAR ]]; then (cd "$ROOT" && ./mvnw -B -q -f charger-simulator/pom.xml package -DskipTests); fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$OCPP_PORT" "$BARE_PORT" "$HTTP_PORT" "$MGMT_PORT" "$ANVIL_PORT" "$STRIPE_PORT"; do
	if port_busy "$port"; then echo "127.0.0.1:$port is in use (another benchmark still running?)" >&2; exit 1; fi
done

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$PROFILE-$STAMP
mkdir -p "$OUT"

# One hash of the shared key, made by the CSMS's own ChargerCredentials (from the jar under test), reused for every
# charger row: every connect still pays a full verification, as in production.
CRYPTO=$OUT/.crypto; mkdir -p "$CRYPTO"
(cd "$CRYPTO" && unzip -q -o -j "$CSMS_JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' 'BOOT-INF/lib/spring-core-*.jar' \
	'BOOT-INF/lib/commons-logging-*.jar' 'BOOT-INF/lib/micrometer-core-*.jar' 'BOOT-INF/lib/micrometer-commons-*.jar' \
	'BOOT-INF/lib/micrometer-observation-*.jar' 'BOOT-INF/lib/HdrHistogram-*.jar' 'BOOT-INF/lib/LatencyUtils-*.jar' \
	'BOOT-INF/lib/slf4j-api-*.jar' && unzip -q -o "$CSMS_JAR" 'BOOT-INF/classes/io/chargepay/csms/charger/*')
CRYPTO_CP="$(ls "$CRYPTO"/*.jar | tr '\n' ':')$CRYPTO/BOOT-INF/classes"
# The tool has no logging back end on its class path: quiet about it.
HASH_KEY=(java -Dslf4j.internal.verbosity=ERROR -cp "$CRYPTO_CP" "$BENCH_DIR/tools/HashKey.java")
HASH=$("${HASH_KEY[@]}" "$KEY_HASH" "$SHARED_KEY")
# Per simulator process, its chargers' verifiers as registration would have stored them (--verifiers registered).
VERIFIER_SQL=""
if [[ $VERIFIERS == registered ]]; then
	PER_V=$(( (N + PROCS - 1) / PROCS ))
	for (( p = 0; p < PROCS; p++ )); do
		count=$(( p == PROCS - 1 ? N - PER_V * (PROCS - 1) : PER_V ))
		VERIFIER_SQL+="INSERT INTO bench_verifiers VALUES $("${HASH_KEY[@]}" verifiers \
			"$VERIFIER_SECRET" "$HASH" "$SHARED_KEY" "B${LETTERS[$p]}-" "$count" \
			| awk -F, '{printf "%s(\x27%s\x27,\x27%s\x27)", (NR > 1 ? "," : ""), $1, $2}');"
	done
fi
rm -rf "$CRYPTO"

# The ceiling's responder runs on the CSMS's own WebSocket library (and its logging API), taken from the jar under test.
BARE_LIBS=$OUT/.bare-libs
if [[ $PROFILE == chosen-keys ]]; then
	mkdir -p "$BARE_LIBS"
	(cd "$BARE_LIBS" && unzip -q -o -j "$CSMS_JAR" 'BOOT-INF/lib/Java-WebSocket-*.jar' 'BOOT-INF/lib/slf4j-api-*.jar')
fi

# The chain and the payment provider the CSMS talks to: anvil from the npm package the tests pin, and a WireMock
# standalone speaking Stripe's wire format (stripe-fake/). Both on 127.0.0.1, started once for all runs.
ANVIL=$ROOT/test-tools/node_modules/.bin/anvil
[[ -x $ANVIL ]] || npm ci --prefix "$ROOT/test-tools" --no-audit --no-fund >/dev/null
WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR=$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar
[[ -f $WIREMOCK_JAR ]] || (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION)

CSMS_PID=""; SAMPLER_PID=""; SIM_PIDS=(); ANVIL_PID=""; STRIPE_PID=""; BARE_PID=""
stop_fakes() { # and wait for them, so that a next invocation finds the ports free
	for p in $ANVIL_PID $STRIPE_PID; do kill "$p" 2>/dev/null || true; done
	for p in $ANVIL_PID $STRIPE_PID; do wait "$p" 2>/dev/null || true; done
	ANVIL_PID=""; STRIPE_PID=""
}
cleanup() {
	for p in "${SIM_PIDS[@]}" $SAMPLER_PID $BARE_PID; do kill "$p" 2>/dev/null || true; done
	BARE_PID=""
	if [[ -n "$CSMS_PID" ]] && kill -0 "$CSMS_PID" 2>/dev/null; then
		kill "$CSMS_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do kill -0 "$CSMS_PID" 2>/dev/null || break; sleep 1; done
		kill -9 "$CSMS_PID" 2>/dev/null || true
	fi
	CSMS_PID=""; SAMPLER_PID=""; SIM_PIDS=()
}
trap 'cleanup; stop_fakes' EXIT INT TERM

wait_for() { # url, what
	for _ in $(seq 1 60); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done
	echo "$2 did not start" >&2; exit 1
}
"$ANVIL" --host 127.0.0.1 --port "$ANVIL_PORT" --chain-id 31337 --silent >"$OUT/anvil.log" 2>&1 &
ANVIL_PID=$!
java -Xmx512m -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$STRIPE_PORT" --root-dir "$BENCH_DIR/stripe-fake" \
	--global-response-templating --no-request-journal --disable-banner --container-threads 32 >"$OUT/stripe-fake.log" 2>&1 &
STRIPE_PID=$!
wait_for "http://127.0.0.1:$ANVIL_PORT" anvil
wait_for "http://127.0.0.1:$STRIPE_PORT/__admin/mappings" "the Stripe fake"
PER=$(( (N + PROCS - 1) / PROCS )); COUNTS=""
for (( p = 0; p < PROCS; p++ )); do COUNTS+="${COUNTS:+,}$(( p == PROCS - 1 ? N - PER * (PROCS - 1) : PER ))"; done
python3 "$BENCH_DIR/tools/fund_wallets.py" --rpc "http://127.0.0.1:$ANVIL_PORT" --counts "$COUNTS"
CHAIN_CONFIG="{\"csms\":{\"chains\":{\"$CHAIN\":{\"rpc-url\":\"http://127.0.0.1:$ANVIL_PORT\",\"chain-id\":31337,\"native-symbol\":\"ETH\",\"fiat-price\":3000}}}}"

heap_used_kb() { # used heap in KB from GC.heap_info, after a full GC
	jcmd "$1" GC.run >/dev/null 2>&1 || true
	sleep 1
	jcmd "$1" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'
}

cpu_ticks_of() { # user+system clock ticks of the given processes and their children (anvil's npm shim spawns the
	# node binary), 0 for any that has gone
	local total=0 p
	for p in "$@" $(for p in "$@"; do pgrep -P "$p"; done); do
		total=$(( total + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
	done
	echo "$total"
}

# Connections the kernel dropped because a listen queue was full (every listener on the box; the CSMS's OCPP port is
# the one under load). A storm that overflows it shows here rather than as slow boots alone.
listen_overflows() {
	nstat -az TcpExtListenOverflows 2>/dev/null | awk '/TcpExtListenOverflows/{print $2; found=1} END{if (!found) print 0}'
}

# Microseconds, since boot, during which some task waited for I/O (Linux PSI); empty where the kernel has no PSI.
# Durable commits wait here: a share that grows with the rate points at the disk rather than at the CPU.
io_stall_us() {
	awk '/^some/{sub("total=", "", $5); print $5}' /proc/pressure/io 2>/dev/null || true
}

# Every 5 s: time, server CPU ticks, RSS KB, threads, open fds, load average, and the CPU ticks of what shares the box
# with the server (simulators, MariaDB, anvil and the Stripe fake), so a report shows where the two cores went.
# Also the I/O-stall counter (PSI).
sampler() {
	local pid=$1 file=$2 db_pid
	db_pid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld || true)
	echo "t,cpu_ticks,rss_kb,threads,fds,load1,sim_cpu_ticks,db_cpu_ticks,fakes_cpu_ticks,io_stall_us" >"$file"
	while kill -0 "$pid" 2>/dev/null; do
		local stat rss thr fds load simt dbt fakest iostall
		stat=$(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null) || break
		rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status"); thr=$(awk '/Threads/{print $2}' "/proc/$pid/status")
		fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l); load=$(cut -d' ' -f1 /proc/loadavg)
		simt=$(cpu_ticks_of "${SIM_PIDS[@]}"); dbt=$(cpu_ticks_of $db_pid); fakest=$(cpu_ticks_of $ANVIL_PID $STRIPE_PID)
		iostall=$(io_stall_us)
		echo "$(date +%s.%N | cut -c1-14),$stat,$rss,$thr,$fds,$load,$simt,$dbt,$fakest,$iostall" >>"$file"
		sleep 5
	done
}

# Steady window: from the end of the ramp (+15 s) to 20 s before the end, leaving out the ramp and the drain (when
# every charger stops its transaction at once). The server's latency histograms are differenced over it and the
# simulators report its calls on their own; at its end, heap after a full GC while every charger is connected.
steady_window() { # prints: from until, in seconds after the simulators start
	local ramp_s until
	ramp_s=$(python3 -c "import math; print(math.ceil($N / $RAMP))")
	until=$(( DURATION > 40 ? DURATION - 20 : DURATION / 2 ))
	echo "$(( ramp_s + 15 < until ? ramp_s + 15 : until / 2 )) $until"
}

simulate() { # port, chargers, id prefix, ramp, id tag, window from, window until, output path without extension
	# shellcheck disable=SC2086
	java -Xmx3g -XX:+UseParallelGC -jar "$SIM_JAR" load --url "ws://127.0.0.1:$1/ocpp" \
		--chargers "$2" --id-prefix "$3" --password "$SHARED_KEY" --ramp "$4" \
		--heartbeat-interval "${H}s" --meter-interval "${M}s" --transaction-share "$SHARE" \
		--transaction-length "${TXLEN}s" --transaction-pause "${TXPAUSE}s" --id-tag "$5" $AUTHORIZE_FIRST \
		--transactions-per-charger "$PER_CHARGER" \
		--duration "${DURATION}s" --drain 30s --progress-interval 5s \
		--window-from "${6}s" --window-until "${7}s" --report "$8.json" >"$8.log" 2>&1
}

# The ceiling: the same load from the same simulator processes against the bare responder, just before the CSMS's.
bare_run() { # run dir, window from, window until
	local dir=$1/bare p
	mkdir -p "$dir"
	java -Xmx1g -cp "$(ls "$BARE_LIBS"/*.jar | tr '\n' ':')" "$BENCH_DIR/tools/BareResponder.java" "$BARE_PORT" \
		>"$dir/responder.log" 2>&1 &
	BARE_PID=$!
	for _ in $(seq 1 60); do port_busy "$BARE_PORT" && break; sleep 0.5; done
	SIM_PIDS=()
	for (( p = 0; p < PROCS; p++ )); do
		local count=$(( p == PROCS - 1 ? N - PER * (PROCS - 1) : PER ))
		simulate "$BARE_PORT" "$count" "B${LETTERS[$p]}-" "$(python3 -c "print(max(1.0, $RAMP / $PROCS))")" \
			"B${LETTERS[$p]}{n}" "$2" "$3" "$dir/sim-$p" &
		SIM_PIDS+=($!)
	done
	for s in "${SIM_PIDS[@]}"; do wait "$s" || true; done
	SIM_PIDS=()
	kill "$BARE_PID" 2>/dev/null || true; wait "$BARE_PID" 2>/dev/null || true; BARE_PID=""
}

one_run() {
	local run=$1 dir=$OUT/run-$1
	mkdir -p "$dir"
	if [[ $PROFILE == chosen-keys ]]; then
		echo "== ceiling run $run/$RUNS: the same load against the bare responder"
		# shellcheck disable=SC2046
		bare_run "$dir" $(steady_window)
	fi
	echo "== $PROFILE run $run/$RUNS: $N chargers, H=${H}s M=${M}s share=$SHARE, ${DURATION}s, ramp $RAMP/s, $PROCS simulator process(es); load $(cut -d' ' -f1-3 /proc/loadavg)"
	mysql_ -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

	local jfr_flag=""
	[[ $JFR == 1 ]] && jfr_flag="-XX:StartFlightRecording=filename=$dir/csms.jfr,settings=profile,dumponexit=true"
	# shellcheck disable=SC2086
	SPRING_PROFILES_ACTIVE=prod \
	SPRING_DATASOURCE_URL="jdbc:mariadb://$MYSQL_HOST:$MYSQL_PORT/$DB" \
	SPRING_DATASOURCE_USERNAME="$MYSQL_USER" SPRING_DATASOURCE_PASSWORD="$MYSQL_PASSWORD" \
	CSMS_AUTH_JWT_SECRET="benchmark-secret-benchmark-secret-0123456789" \
	CSMS_PAYMENTS_STRIPE_API_KEY="sk_test_benchmark" CSMS_PAYMENTS_STRIPE_WEBHOOK_SECRET="whsec_benchmark" \
	CSMS_PAYMENTS_STRIPE_ALLOW_TEST_KEYS=true CSMS_OCPP_BEHIND_TLS_PROXY=true \
	CSMS_CHARGERS_KEY_VERIFIER_SECRET="$VERIFIER_SECRET" \
	CSMS_PAYMENTS_STRIPE_API_BASE="http://127.0.0.1:$STRIPE_PORT" SPRING_APPLICATION_JSON="$CHAIN_CONFIG" \
	SERVER_PORT=$HTTP_PORT MANAGEMENT_SERVER_PORT=$MGMT_PORT CSMS_OCPP_PORT=$OCPP_PORT CSMS_OCPP_HOST=127.0.0.1 \
	SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
		java $JVM_FLAGS $jfr_flag -Xlog:gc:file="$dir/gc.log" -jar "$CSMS_JAR" >"$dir/csms.log" 2>&1 &
	CSMS_PID=$!
	local ready=0
	for _ in $(seq 1 180); do
		if curl -fs "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; then ready=1; break; fi
		kill -0 "$CSMS_PID" 2>/dev/null || break
		sleep 1
	done
	[[ $ready == 1 ]] || { echo "CSMS did not become ready; see $dir/csms.log" >&2; tail -30 "$dir/csms.log" >&2; exit 1; }

	# Seed: N chargers sharing one AuthorizationKey hash; per charger a driver (user, idTag, funded default wallet).
	local per=$PER sql="" p
	for (( p = 0; p < PROCS; p++ )); do
		local count=$(( p == PROCS - 1 ? N - per * (PROCS - 1) : per )) prefix="B${LETTERS[$p]}-" tag="B${LETTERS[$p]}"
		local wallet_byte
		wallet_byte=$(printf '%02x' $(( 0xB0 + p )))
		sql+="INSERT INTO chargers (id, password_hash, enabled, registered_at) SELECT CONCAT('$prefix', LPAD(seq, IF(seq > 99999, 6, 5), '0')), '$HASH', TRUE, UTC_TIMESTAMP(3) FROM seq_1_to_$count;"
		sql+="INSERT INTO users (id, created_at) SELECT CONCAT('bench-$tag', seq), UTC_TIMESTAMP(3) FROM seq_1_to_$count;"
		sql+="INSERT INTO id_tags (id_tag, user_id, blocked, created_at) SELECT CONCAT('$tag', seq), CONCAT('bench-$tag', seq), FALSE, UTC_TIMESTAMP(3) FROM seq_1_to_$count;"
		sql+="INSERT INTO wallets (user_id, chain, address, is_default, created_at) SELECT CONCAT('bench-$tag', seq), '$CHAIN', CONCAT('0x$wallet_byte', LPAD(LOWER(HEX(seq)), 38, '0')), TRUE, UTC_TIMESTAMP(3) FROM seq_1_to_$count;"
	done
	if [[ -n $VERIFIER_SQL ]]; then
		sql+="CREATE TEMPORARY TABLE bench_verifiers (id VARCHAR(64) PRIMARY KEY, verifier VARCHAR(128));$VERIFIER_SQL"
		sql+="UPDATE chargers c JOIN bench_verifiers v ON v.id = c.id SET c.key_verifier = v.verifier;"
	fi
	mysql_ "$DB" <<<"$sql" # on stdin: the verifiers make it longer than one argument may be

	local base_heap base_rss
	base_heap=$(heap_used_kb "$CSMS_PID"); base_rss=$(awk '/VmRSS/{print $2}' "/proc/$CSMS_PID/status")
	cat /proc/loadavg >"$dir/loadavg-start"
	local overflows_before
	overflows_before=$(listen_overflows)

	local per_ramp
	per_ramp=$(python3 -c "print(max(1.0, $RAMP / $PROCS))")
	local steady_from steady_end steady_start_t steady_end_t
	read -r steady_from steady_end < <(steady_window)
	local started=$(date +%s.%N)
	SIM_PIDS=()
	for (( p = 0; p < PROCS; p++ )); do
		local count=$(( p == PROCS - 1 ? N - per * (PROCS - 1) : per )) prefix="B${LETTERS[$p]}-"
		simulate "$OCPP_PORT" "$count" "$prefix" "$per_ramp" "B${LETTERS[$p]}{n}" "$steady_from" "$steady_end" \
			"$dir/sim-$p" &
		SIM_PIDS+=($!)
	done
	sampler "$CSMS_PID" "$dir/samples.csv" &
	SAMPLER_PID=$!

	sleep "$steady_from"
	steady_start_t=$(date +%s.%N)
	curl -fs "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" >"$dir/prometheus-steady-start.txt" || true
	sleep $(( steady_end - steady_from ))
	steady_end_t=$(date +%s.%N)
	local steady_heap steady_rss steady_threads steady_fds
	steady_fds=$(ls "/proc/$CSMS_PID/fd" | wc -l)
	steady_heap=$(heap_used_kb "$CSMS_PID"); steady_rss=$(awk '/VmRSS/{print $2}' "/proc/$CSMS_PID/status")
	steady_threads=$(awk '/Threads/{print $2}' "/proc/$CSMS_PID/status")
	curl -fs "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" >"$dir/prometheus-steady.txt" || true
	jcmd "$CSMS_PID" Thread.print >"$dir/threads-steady.txt" 2>/dev/null || true

	local rc=0
	for s in "${SIM_PIDS[@]}"; do wait "$s" || rc=$?; done
	local ended=$(date +%s.%N)
	sleep 5 # payment links are created after each stop commits, on the CSMS's task threads
	curl -fs "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" >"$dir/prometheus-end.txt" || true
	local sessions_ended links
	sessions_ended=$(mysql_ -N "$DB" -e "SELECT COUNT(*) FROM charging_sessions WHERE status IN ('COMPLETED', 'PAID')")
	links=$(mysql_ -N "$DB" -e "SELECT COUNT(*) FROM payment_links WHERE provider = 'stripe' AND status = 'ACTIVE' AND url IS NOT NULL")
	cat /proc/loadavg >"$dir/loadavg-end"
	local overflows=$(( $(listen_overflows) - overflows_before ))
	kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
	[[ $JFR == 1 ]] && jcmd "$CSMS_PID" JFR.dump filename="$dir/csms.jfr" >/dev/null 2>&1 || true
	SIM_PIDS=()
	cleanup
	grep -c "OutOfMemoryError" "$dir/csms.log" >"$dir/oom-count" || true
	cat >"$dir/run.json" <<EOF
{"run": $run, "started": $started, "ended": $ended, "simulator_exit": $rc, "base_heap_kb": ${base_heap:-null},
 "base_rss_kb": ${base_rss:-null}, "steady_heap_kb": ${steady_heap:-null}, "steady_rss_kb": ${steady_rss:-null},
 "steady_threads": ${steady_threads:-null}, "steady_fds": ${steady_fds:-null},
 "steady_start": $steady_start_t, "steady_end": $steady_end_t, "sessions_ended": ${sessions_ended:-null},
 "stripe_links_active": ${links:-null}, "listen_overflows": $overflows}
EOF
}

for (( r = 1; r <= RUNS; r++ )); do one_run "$r"; done

python3 "$BENCH_DIR/tools/summarize.py" --out "$OUT.json" --dir "$OUT" --profile "$PROFILE" --chargers "$N" \
	--duration "$DURATION" --heartbeat "$H" --meter "$M" --share "$SHARE" --ramp "$RAMP" --procs "$PROCS" \
	--jvm "$JVM_FLAGS" --tag "${TAG:+$TAG; }key hash $KEY_HASH, verifiers $VERIFIERS" --commit "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo '+dirty')"
if [[ $PROFILE == chosen-keys ]]; then
	python3 "$BENCH_DIR/tools/ceiling.py" --dir "$OUT" --out "$OUT-ceiling.json"
fi
