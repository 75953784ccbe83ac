#!/usr/bin/env bash
# Regenerates every PNG in screenshots/ from the real program, in one command:
#
#   scripts/screenshots.sh              # builds envtop (debug) and shoots everything
#   ENVTOP_BIN=path/to/envtop scripts/screenshots.sh   # use an existing binary
#   CONFIGURATION=release scripts/screenshots.sh       # build and shoot the release binary
#   scripts/screenshots.sh main nord    # only the shots whose names contain these words
#
# Each shot runs the built binary in a private tmux server at a fixed size against the
# simulator with a fixed seed (`envtop --demo --seed 7`, or `envtop simulate` for the API-down
# shot), sends keys, captures the screen with its colours (`tmux capture-pane -e`) and renders
# it with a monospace font (scripts/render_ansi_png.py). Times and ages on screen are the
# machine's clock, so they differ from run to run; the data is the same.
#
# Needs: tmux, tic/infocmp (ncurses-bin), curl, python3 with Pillow, the DejaVu fonts.
#   Debian/Ubuntu: apt-get install tmux ncurses-bin curl fonts-dejavu-core && python3 -m pip install pillow
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
seed="${SEED:-7}"
out="$repo/screenshots"
only=("$@")

missing=()
for tool in tmux tic infocmp curl python3; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "screenshots.sh: missing ${missing[*]}. Debian/Ubuntu: apt-get install tmux ncurses-bin curl python3" >&2
    exit 3
fi
if ! python3 -c "import PIL" 2>/dev/null; then
    echo "screenshots.sh: Pillow is missing: python3 -m pip install pillow" >&2
    exit 3
fi

binary="${ENVTOP_BIN:-}"
if [[ -z "$binary" ]]; then
    configuration="${CONFIGURATION:-debug}"
    swift build -c "$configuration" --product envtop >&2
    binary="$(swift build -c "$configuration" --show-bin-path)/envtop"
fi
[[ -x "$binary" ]] || { echo "screenshots.sh: no executable at $binary" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/envtop-shots.XXXXXX")"
socket="envtop-shots-$$"
simulator_pid=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    if [[ -n "$simulator_pid" ]]; then kill "$simulator_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# A private terminfo: xterm-256color without "bce" (the same escape sequences a real xterm
# gets, except that curses writes coloured blanks out instead of erasing with a background
# colour, which tmux keeps but `capture-pane` would leave out), and its direct-colour sibling
# xterm-direct (as in ncurses-term), so themes with "#rrggbb" colours are shot in truecolor,
# as a truecolor terminal (COLORTERM=truecolor) shows them.
infocmp -x xterm-256color | sed 's/\bbce, //' > "$tmp/xterm.src"
cat >> "$tmp/xterm.src" <<'TERMINFO'
xterm-direct|xterm with direct-color indexing,
	RGB, colors#0x1000000, pairs#0x10000, CO#8,
	initc@, op=\E[39;49m,
	setab=\E[%?%p1%{8}%<%t4%p1%d%e48\:2\:\:%p1%{65536}%/%d\:%p1%{256}%/%{255}%&%d\:%p1%{255}%&%d%;m,
	setaf=\E[%?%p1%{8}%<%t3%p1%d%e38\:2\:\:%p1%{65536}%/%d\:%p1%{256}%/%{255}%&%d\:%p1%{255}%&%d%;m,
	setb@, setf@, use=xterm-256color,
TERMINFO
tic -x -o "$tmp/terminfo" "$tmp/xterm.src"

# The program runs with its own empty config and state, whatever the caller's are.
mkdir -p "$tmp/config" "$tmp/state"
cat > "$tmp/run.sh" <<EOF
#!/bin/sh
export TERM=xterm-256color COLORTERM=truecolor TERMINFO='$tmp/terminfo' LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME='$tmp/config' XDG_STATE_HOME='$tmp/state'
unset NO_COLOR ANTHROPIC_API_KEY ANTHROPIC_ENVIRONMENT_KEY ANTHROPIC_AUTH_TOKEN ANTHROPIC_BASE_URL
if [ -n "\${SHOT_NO_COLOR:-}" ]; then export NO_COLOR=1; fi
if [ -f '$tmp/credentials' ]; then . '$tmp/credentials'; fi
exec '$binary' "\$@"
EOF
chmod +x "$tmp/run.sh"

wanted() {
    ((${#only[@]} == 0)) && return 0
    local word
    for word in "${only[@]}"; do [[ "$1" == *"$word"* ]] && return 0; done
    return 1
}

keys() { tmux -L "$socket" send-keys -t shot "$@"; }
text() { tmux -L "$socket" capture-pane -p -t shot; }

# wait_for TEXT [SECONDS]: until TEXT is on screen; on timeout, show the screen and fail.
wait_for() {
    local deadline=$((SECONDS + ${2:-20}))
    while ((SECONDS < deadline)); do
        if text | grep -qF -- "$1"; then return 0; fi
        sleep 0.2
    done
    echo "screenshots.sh: timed out waiting for '$1'; the screen was:" >&2
    text >&2
    return 1
}

# start COLUMNS ROWS [env VAR=value...] -- envtop arguments...: a fresh session running envtop.
start() {
    local columns=$1 rows=$2
    shift 2
    local prefix=""
    while [[ $# -gt 0 && "$1" != "--" ]]; do prefix+="$1 "; shift; done
    shift
    tmux -L "$socket" kill-session -t shot 2>/dev/null || true
    tmux -L "$socket" -f /dev/null new-session -d -s shot -x "$columns" -y "$rows" "$prefix'$tmp/run.sh' $*; sleep 600"
    tmux -L "$socket" set-option -t shot status off >/dev/null
    wait_for "work_" 30
    sleep 2.5  # a refresh or two, so the header shows live figures
}

# shot NAME COLUMNS ROWS [dark|light]: capture the screen and render screenshots/NAME.png.
shot() {
    local name=$1 columns=$2 rows=$3 background=${4:-dark}
    tmux -L "$socket" capture-pane -e -p -N -t shot > "$tmp/$name.ans"
    python3 "$repo/scripts/render_ansi_png.py" "$tmp/$name.ans" "$out/$name.png" \
        --columns "$columns" --rows "$rows" --background "$background"
}

# The background a theme file is made for.
background_of() { grep -qE '^background:[[:space:]]*light' "$1" && echo light || echo dark; }

mkdir -p "$out"
demo=(--demo --seed "$seed")

if wanted main || wanted help || wanted detail || wanted force-stop; then
    start 120 40 -- "${demo[@]}"
    if wanted main; then shot main 120 40; fi
    if wanted help; then
        keys "?"
        wait_for "Help: every key"
        shot help 120 40
        keys Escape
    fi
    if wanted detail || wanted force-stop; then
        # Select the first active item: search for it, keep the search, clear it (the selection stays).
        keys "/"
        keys -l "active"
        keys Enter
        sleep 0.5
        keys Escape
        sleep 0.5
    fi
    if wanted detail; then
        keys Tab
        for _ in 1 2 3 4 5 6 7 8; do keys j; done
        sleep 0.8
        shot detail 120 40
        keys Tab
        sleep 0.3
    fi
    if wanted force-stop; then
        # The stuck item (starting for minutes, never active) is what a force stop is for;
        # unlike a healthy active item, the demo's workers will not end it meanwhile.
        keys "/"
        keys -l "starting"
        keys Enter
        sleep 0.5
        keys Escape
        sleep 0.5
        keys S
        wait_for "FORCE STOP"
        sleep 1.2  # the dialog re-checks the item with the API
        shot force-stop 120 40
        keys Escape
    fi
fi

if wanted switcher || wanted production; then
    start 120 40 -- "${demo[@]}"
    keys e
    wait_for "Environments"
    if wanted switcher; then shot switcher 120 40; fi
    if wanted production; then
        # The production environment alone (the switcher's last line), then a force stop: the
        # banner is production's, and the dialog waits for the label typed.
        keys k Enter
        wait_for "PRODUCTION"
        sleep 1
        keys S
        wait_for "type prod"
        keys -l "pro"
        sleep 1.2
        shot production-force-stop 120 40
        keys Escape
    fi
fi

if wanted health; then
    # The first environment alone, once the demo's stalled claim has held 30 s: the header's
    # trends and the runbook's health line with a failing rule.
    start 120 40 -- "${demo[@]}"
    keys e
    wait_for "Environments"
    keys j Enter
    wait_for "stalled claim" 90
    sleep 4
    shot health 120 40
fi

if wanted diagnosed; then
    # The second environment: the demo's broken handoff, diagnosed in the detail pane.
    start 120 40 -- "${demo[@]}"
    keys e
    wait_for "Environments"
    keys j j Enter
    sleep 9  # the handoff plays 6 s after the start and takes 5.5 s
    keys "/"
    keys -l "handoff_broken"
    keys Enter
    wait_for "HANDOFF BROKEN" 30
    sleep 1
    shot diagnosed 120 40
fi

if wanted batch; then
    # Three items marked on the merged view, then a force stop: the batch dialog.
    start 120 40 -- "${demo[@]}"
    keys g Space Space Space
    wait_for "3 marked"
    keys S
    wait_for "FORCE STOP: BATCH"
    # One of them is in production: its label typed, then the reason it requires (Tab).
    keys -l "prod"
    keys Tab
    keys -l "INC-4711: hosts lost after deploy"
    keys Enter
    sleep 0.5
    shot batch 120 40
    keys Escape
fi

if wanted search; then
    # A query with qualifiers on the merged view, and the filter menu counting under it.
    start 120 40 -- "${demo[@]}"
    sleep 3
    keys "/"
    keys -l "age>1m -state:stopped -hb:none"
    sleep 0.8
    shot search 120 40
fi

if wanted metadata; then
    # The metadata editor on the first item: a ticket added, the patch under review.
    start 120 40 -- "${demo[@]}"
    sleep 2
    keys m
    wait_for "Metadata ·"
    keys a
    keys -l "ticket"
    keys Enter
    keys -l "INC-4711"
    keys Enter
    keys w
    wait_for "Patch for"
    sleep 0.3
    shot metadata 120 40
    keys Escape
fi

if wanted narrow; then
    start 80 24 -- "${demo[@]}"
    shot narrow-80x24 80 24
    start 60 20 -- "${demo[@]}"
    shot narrow-60x20 60 20
fi

for file in "$repo"/themes/*.yaml; do
    name="$(basename "$file" .yaml)"
    if wanted "theme-$name"; then
        start 120 40 -- "${demo[@]}" --theme "'$file'"
        shot "theme-$name" 120 40 "$(background_of "$file")"
    fi
done

if wanted no-color; then
    start 120 40 SHOT_NO_COLOR=1 -- "${demo[@]}"
    shot no-color 120 40
fi

if wanted api-down; then
    # A standalone simulator, so its faults can be switched on once envtop has data.
    "$binary" simulate --seed "$seed" --environments 1 --port 0 > "$tmp/simulator.out" 2>&1 &
    simulator_pid=$!
    for _ in $(seq 1 100); do
        grep -q "listening on" "$tmp/simulator.out" 2>/dev/null && break
        sleep 0.1
    done
    url="$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$tmp/simulator.out" | head -1)"
    environment="$(grep -Eo 'env_[A-Za-z0-9]+' "$tmp/simulator.out" | head -1)"
    [[ -n "$url" && -n "$environment" ]] || { echo "screenshots.sh: the simulator did not start:" >&2; cat "$tmp/simulator.out" >&2; exit 1; }
    # The simulator accepts any non-empty key; they reach envtop through a private file,
    # never a command line.
    (umask 077; printf "export ANTHROPIC_BASE_URL='%s' ANTHROPIC_ENVIRONMENT_KEY=sim-environment-key ANTHROPIC_API_KEY=sim-api-key\n" "$url" > "$tmp/credentials")
    start 120 40 -- --environment "$environment" --refresh 1
    curl -fsS -X POST "$url/_sim/faults" -H 'content-type: application/json' -d '{"error_rates": {"503": 1}}' > /dev/null
    wait_for "STALE since" 60
    sleep 3
    shot api-down 120 40
    rm -f "$tmp/credentials"
fi

echo "screenshots in $out:"
ls -1 "$out"/*.png
