#!/usr/bin/env bash
# Exercises the enhanced session-management API (the specification's "Testing" section) against a running CSMS:
# user-associated start with a balance check, user validation on stop, balance-check history and details, sessions
# with payment links, link recreation and security checks. The charger side is the bundled simulator in `charger`
# mode as CHARGER-001. Prints one line per check and "N passed, M failed"; exits non-zero on any failure.
#
# Usage: ./test-enhanced-apis.sh [--base-url URL] [--ocpp-url URL] [--driver-token T --operator-token T]
#                                [--charger-id ID --charger-password P] [--user-id U] [--no-simulator]
# Defaults fit a freshly started sandbox (./mvnw spring-boot:run): tokens come from its sandbox token endpoint.
set -uo pipefail

BASE_URL="http://localhost:3000"
OCPP_URL="ws://localhost:9000/ocpp"
DRIVER_TOKEN=""
OPERATOR_TOKEN=""
CHARGER_ID="CHARGER-001"
CHARGER_PASSWORD="sandbox-charger-001-key"
USER_ID="user-123"
WALLET="0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c"
CHAIN="ETHEREUM"
RUN_SIMULATOR=yes
SIMULATOR_JAR="$(dirname "$0")/charger-simulator/target/charger-simulator.jar"

while [ $# -gt 0 ]; do
  case "$1" in
    --base-url) BASE_URL="$2"; shift 2 ;;
    --ocpp-url) OCPP_URL="$2"; shift 2 ;;
    --driver-token) DRIVER_TOKEN="$2"; shift 2 ;;
    --operator-token) OPERATOR_TOKEN="$2"; shift 2 ;;
    --charger-id) CHARGER_ID="$2"; shift 2 ;;
    --charger-password) CHARGER_PASSWORD="$2"; shift 2 ;;
    --user-id) USER_ID="$2"; shift 2 ;;
    --no-simulator) RUN_SIMULATOR=no; shift ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

for tool in curl jq java; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y $tool)" >&2; exit 2; }
done

passed=0; failed=0
check() { # name, condition (0 = pass), detail
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1 ${3:-}"; fi
}
# request METHOD PATH TOKEN [BODY] -> sets STATUS and BODY
request() {
  local out; out=$(mktemp)
  STATUS=$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$BASE_URL$2" \
    ${3:+-H "Authorization: Bearer $3"} -H 'Content-Type: application/json' ${4:+--data "$4"})
  BODY=$(cat "$out"); rm -f "$out"
}
sandbox_token() { # userId, roles-json
  curl -s -X POST "$BASE_URL/api/v1/sandbox/token" -H 'Content-Type: application/json' \
    -d "{\"userId\":\"$1\",\"roles\":$2}" | jq -r .accessToken
}

[ -n "$DRIVER_TOKEN" ] || DRIVER_TOKEN=$(sandbox_token "$USER_ID" '[]')
[ -n "$OPERATOR_TOKEN" ] || OPERATOR_TOKEN=$(sandbox_token "test-operator" '["operator"]')
OTHER_TOKEN=$(sandbox_token "user-999" '[]')

SIM_PID=""
cleanup() { [ -z "$SIM_PID" ] || kill "$SIM_PID" 2>/dev/null; }
trap cleanup EXIT
if [ "$RUN_SIMULATOR" = yes ]; then
  [ -f "$SIMULATOR_JAR" ] || { echo "build the simulator first: ./mvnw -B -f charger-simulator/pom.xml package -DskipTests" >&2; exit 2; }
  java -jar "$SIMULATOR_JAR" charger --url "$OCPP_URL" --id "$CHARGER_ID" --password "$CHARGER_PASSWORD" \
    --meter-interval 2 > "${TMPDIR:-/tmp}/test-enhanced-apis-charger.log" 2>&1 < /dev/null &
  SIM_PID=$!
  for _ in $(seq 1 30); do
    request GET "/api/v1/chargers/$CHARGER_ID" "$OPERATOR_TOKEN"
    [ "$(echo "$BODY" | jq -r .connected 2>/dev/null)" = true ] && break
    sleep 1
  done
fi
request GET "/api/v1/chargers/$CHARGER_ID" "$OPERATOR_TOKEN"
check "charger $CHARGER_ID is connected" "$([ "$(echo "$BODY" | jq -r .connected)" = true ]; echo $?)"

# 1. Session start with balance check (the specification's example).
START="{\"userId\":\"$USER_ID\",\"chargerId\":\"$CHARGER_ID\",\"walletAddress\":\"$WALLET\",\"chain\":\"$CHAIN\",\"expectedMaxCost\":10.0,\"metadata\":{\"location\":\"Station A\",\"connectorType\":\"DCFC\"}}"
request POST /api/v1/session/start "$DRIVER_TOKEN" "$START"
check "session start with balance check answers 201" "$([ "$STATUS" = 201 ]; echo $?)" "($STATUS $BODY)"
SESSION_ID=$(echo "$BODY" | jq -r .sessionId)
CHECK_ID=$(echo "$BODY" | jq -r .balanceCheckId)
check "start answer carries balanceCheckId, balanceStatus SUFFICIENT and userId" \
  "$([ "$CHECK_ID" != null ] && [ "$(echo "$BODY" | jq -r .balanceStatus)" = SUFFICIENT ] && [ "$(echo "$BODY" | jq -r .userId)" = "$USER_ID" ]; echo $?)"
for _ in $(seq 1 20); do
  request GET "/api/v1/session/$SESSION_ID" "$DRIVER_TOKEN"
  [ "$(echo "$BODY" | jq -r .status)" = ACTIVE ] && break
  sleep 0.5
done
check "the charger starts the session (ACTIVE with a transactionId)" \
  "$([ "$(echo "$BODY" | jq -r .status)" = ACTIVE ] && [ "$(echo "$BODY" | jq -r .transactionId)" != null ]; echo $?)"

# 3. User validation on stop.
request POST /api/v1/session/stop "$OTHER_TOKEN" "{\"userId\":\"user-999\",\"sessionId\":\"$SESSION_ID\"}"
check "another user cannot stop the session (403)" "$([ "$STATUS" = 403 ]; echo $?)" "($STATUS)"
request POST /api/v1/session/stop "$DRIVER_TOKEN" "{\"userId\":\"$USER_ID\",\"sessionId\":\"$SESSION_ID\",\"finalCost\":7.50}"
check "a driver cannot set finalCost (403)" "$([ "$STATUS" = 403 ]; echo $?)" "($STATUS)"
request POST /api/v1/session/stop "$OPERATOR_TOKEN" "{\"userId\":\"$USER_ID\",\"sessionId\":\"$SESSION_ID\",\"finalCost\":7.50}"
check "the stop (operator, finalCost 7.50) answers 200 or 202" "$([ "$STATUS" = 200 ] || [ "$STATUS" = 202 ]; echo $?)" "($STATUS $BODY)"
for _ in $(seq 1 20); do
  [ "$(echo "$BODY" | jq -r .paymentLinkId)" != null ] && [ "$(echo "$BODY" | jq -r .paymentLinkId)" != "" ] && break
  sleep 0.5
  request GET "/api/v1/user/$USER_ID/sessions?size=5" "$DRIVER_TOKEN"
  BODY=$(echo "$BODY" | jq --arg id "$SESSION_ID" '.items[] | select(.sessionId == $id) | {paymentLinkId: .paymentLink.paymentLinkId, url: .paymentLink.url, expiresAt: .paymentLink.expiresAt, amount: .amount}')
done
LINK_ID=$(echo "$BODY" | jq -r .paymentLinkId)
LINK_URL=$(echo "$BODY" | jq -r .url)
check "the stopped session has a payment link with url and expiresAt" \
  "$([ "$LINK_ID" != null ] && [ "$LINK_URL" != null ] && [ "$(echo "$BODY" | jq -r .expiresAt)" != null ]; echo $?)"
check "the payment link is for 7.50" "$([ "$(echo "$BODY" | jq -r .amount)" = 7.5 ] || [ "$(echo "$BODY" | jq -r .amount)" = 7.50 ]; echo $?)"

# 3b. Insufficient balance (the charger is free again).
request POST /api/v1/session/start "$DRIVER_TOKEN" "$(echo "$START" | jq '.expectedMaxCost = 999999')"
check "a start the wallet cannot pay for answers 402 with the check" \
  "$([ "$STATUS" = 402 ] && [ "$(echo "$BODY" | jq -r .balanceStatus)" = INSUFFICIENT ]; echo $?)" "($STATUS)"

# 4. Balance check history and details.
request GET "/api/v1/user/$USER_ID/balance-checks" "$DRIVER_TOKEN"
check "balance-check history lists the start's check" \
  "$(echo "$BODY" | jq -e --arg id "$CHECK_ID" '[.items[].id] | index($id) != null' >/dev/null; echo $?)"
request GET "/api/v1/user/balance-check/$CHECK_ID" "$DRIVER_TOKEN"
check "balance-check details show wallet, chain and amounts" \
  "$([ "$STATUS" = 200 ] && [ "$(echo "$BODY" | jq -r .chain)" = "$CHAIN" ] && [ "$(echo "$BODY" | jq -r .requestedAmount)" != null ]; echo $?)"
request GET "/api/v1/user/$USER_ID/balance-checks" "$OTHER_TOKEN"
check "another user cannot read the balance checks (403)" "$([ "$STATUS" = 403 ]; echo $?)" "($STATUS)"

# 5. Sessions with payment links, and link recreation.
request GET "/api/v1/user/$USER_ID/sessions" "$DRIVER_TOKEN"
check "the user's sessions include the stopped session with its payment link" \
  "$(echo "$BODY" | jq -e --arg id "$SESSION_ID" '.items[] | select(.sessionId == $id) | .paymentLinks | length > 0' >/dev/null; echo $?)"
request POST "/api/v1/session/$SESSION_ID/payment-link" "$DRIVER_TOKEN"
NEW_LINK_ID=$(echo "$BODY" | jq -r .paymentLinkId)
check "recreating the payment link gives a new ACTIVE link" \
  "$([ "$STATUS" = 201 ] && [ "$NEW_LINK_ID" != "$LINK_ID" ] && [ "$(echo "$BODY" | jq -r .status)" = ACTIVE ]; echo $?)" "($STATUS)"
request GET "/api/v1/session/$SESSION_ID/payment-links" "$DRIVER_TOKEN"
check "the old link is EXPIRED and exactly one is ACTIVE" \
  "$(echo "$BODY" | jq -e --arg old "$LINK_ID" '([.[] | select(.status == "ACTIVE")] | length == 1) and ([.[] | select(.paymentLinkId == $old)][0].status == "EXPIRED")' >/dev/null; echo $?)"
NEW_URL=$(echo "$BODY" | jq -r '.[] | select(.status == "ACTIVE") | .url')
check "the payment link opens" "$([ "$(curl -s -o /dev/null -w '%{http_code}' "$NEW_URL")" = 200 ]; echo $?)"

# 6. Security.
request GET "/api/v1/user/$USER_ID/sessions" ""
check "no token is refused (401)" "$([ "$STATUS" = 401 ]; echo $?)" "($STATUS)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
