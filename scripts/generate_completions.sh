#!/usr/bin/env bash
# Regenerates the shell completions in completions/ from the command-line definition
# (swift-argument-parser writes them), so they always match `envtop --help`.
# Usage: scripts/generate_completions.sh [path/to/envtop]   (default: builds the debug binary)
# Install: bash: source completions/envtop.bash (or copy to /usr/share/bash-completion/completions/envtop)
#          zsh:  copy completions/_envtop into a directory on $fpath
#          fish: copy completions/envtop.fish to ~/.config/fish/completions/
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
if [[ -z "$binary" ]]; then
    swift build --product envtop >&2
    binary="$(swift build --show-bin-path)/envtop"
fi
mkdir -p completions
"$binary" --generate-completion-script bash > completions/envtop.bash
"$binary" --generate-completion-script zsh > completions/_envtop
"$binary" --generate-completion-script fish > completions/envtop.fish
wc -l completions/envtop.bash completions/_envtop completions/envtop.fish
