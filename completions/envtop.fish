function __envtop_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __envtop_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __envtop_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __envtop_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __envtop_parse_tokens -S
    set -l unparsed_tokens (__envtop_tokens -pc)
    switch $unparsed_tokens[1]
    case 'envtop'
        __envtop_parse_subcommand 0 'e/environment=+' 'p/profile=+' 'base-url=' 'workspace=' 'refresh=' 'read-only' 'no-read-only' 'demo' 'seed=' 'once' 'theme=' 'list-themes' 'log-file=' 'config=' 'o/output=' 'timeout=' 'api-key-stdin' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'list'
            __envtop_parse_subcommand 0 'filter=' 'e/environment=+' 'p/profile=+' 'base-url=' 'workspace=' 'refresh=' 'read-only' 'no-read-only' 'demo' 'seed=' 'once' 'theme=' 'list-themes' 'log-file=' 'config=' 'o/output=' 'timeout=' 'api-key-stdin' 'version' 'h/help'
        case 'stats'
            __envtop_parse_subcommand 0 'e/environment=+' 'p/profile=+' 'base-url=' 'workspace=' 'refresh=' 'read-only' 'no-read-only' 'demo' 'seed=' 'once' 'theme=' 'list-themes' 'log-file=' 'config=' 'o/output=' 'timeout=' 'api-key-stdin' 'version' 'h/help'
        case 'stop'
            __envtop_parse_subcommand -r 1 'filter=' 'force' 'reason=' 'dry-run' 'yes' 'confirm-environment=+' 'e/environment=+' 'p/profile=+' 'base-url=' 'workspace=' 'refresh=' 'read-only' 'no-read-only' 'demo' 'seed=' 'once' 'theme=' 'list-themes' 'log-file=' 'config=' 'o/output=' 'timeout=' 'api-key-stdin' 'version' 'h/help'
        case 'exporter'
            __envtop_parse_subcommand 0 'listen=' 'allow-remote' 'e/environment=+' 'p/profile=+' 'base-url=' 'workspace=' 'refresh=' 'read-only' 'no-read-only' 'demo' 'seed=' 'once' 'theme=' 'list-themes' 'log-file=' 'config=' 'o/output=' 'timeout=' 'api-key-stdin' 'version' 'h/help'
        case 'audit'
            __envtop_parse_subcommand 0 'since=' 'environment=' 'action=' 'o/output=' 'file=' 'version' 'h/help'
        case 'simulate'
            __envtop_parse_subcommand 0 'port=' 'seed=' 'environments=' 'workers=' 'arrival-rate=' 'items=' 'lease-ttl=' 'api-key=+' 'environment-key=+' 'latency-ms=' 'jitter-ms=' 'error-rate=+' 'retry-after=' 'malformed-rate=' 'drop-rate=' 'trouble=+' 'version' 'h/help'
        case 'keys'
            __envtop_parse_subcommand 0 'markdown' 'glossary' 'names' 'config=' 'version' 'h/help'
        case 'help'
            __envtop_parse_subcommand -r 1 'version'
        end
    end
end

function __envtop_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __envtop_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __envtop_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __envtop_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__envtop_tokens -p)
    if test -z "$(__envtop_tokens -t)"
        set -l index (count (__envtop_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'envtop' -f
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop"' -s 'e' -l 'environment' -d 'An environment to watch (env_...); repeat it for several. Without it, envtop watches every self-hosted environment the credentials (or the chosen profiles) can see, up to 20.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop"' -s 'p' -l 'profile' -d 'A profile of the config file to watch; repeat it for several (default: every profile). Several environments open on the merged view; e switches between them.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" base-url' -l 'base-url' -d 'API base URL without profiles. Default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" workspace' -l 'workspace' -d 'Workspace id, sent as anthropic-workspace-id, for credentials that span workspaces.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" refresh' -l 'refresh' -d 'Seconds between refreshes (default: the config\'s refresh, else 2; at least 0.5). While the API fails, retries come at most max(refresh, 3 s) apart; data older than refresh + 3 s is marked STALE.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" read-only' -l 'read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" no-read-only' -l 'no-read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" demo' -l 'demo' -d 'Watch live simulated environments on loopback (two profiles, one production): no account, no network.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" seed' -l 'seed' -d 'Seed of the --demo simulator (the same seed gives the same history).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" once' -l 'once' -d 'Print one plain-text snapshot of the stats and the work list to stdout, then exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" theme' -l 'theme' -d 'Theme name or path to a theme file (default: the config\'s theme, else default).' -rfka '(__envtop_custom_completion ---completion -- --theme (count (__envtop_tokens -pc)) (__envtop_tokens -tC))'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" list-themes' -l 'list-themes' -d 'List the available themes and exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" log-file' -l 'log-file' -d 'Where diagnostics go (default: $XDG_STATE_HOME/envtop/envtop.log).' -rF
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" config' -l 'config' -d 'Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" o output' -s 'o' -l 'output' -d 'With --once (and list, stats, stop): text, json, jsonl or csv.' -rfka 'text json jsonl csv'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" timeout' -l 'timeout' -d 'Seconds --once and the script commands wait for the API to connect and answer (default 5).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" api-key-stdin' -l 'api-key-stdin' -d 'Read keys from stdin, never from an argument: a bare line is the API key; ANTHROPIC_ENVIRONMENT_KEY=… and ANTHROPIC_AUTH_TOKEN=… lines set those.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'list' -d 'Print every work item (all pages) as text, json, jsonl or csv.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'stats' -d 'Print each environment\'s queue stats and health as text, json, jsonl or csv.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'stop' -d 'Stop work items (gracefully, or --force) with the dashboard\'s checks, pacing and audit log.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'exporter' -d 'Serve the environments\' queue metrics for Prometheus on /metrics.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'audit' -d 'Print the audit log of stops and metadata updates ($XDG_STATE_HOME/envtop/audit.jsonl).'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'simulate' -d 'Run a simulated self-hosted environment API on 127.0.0.1.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'keys' -d 'Print the key table in effect (with the config\'s keys:), or the names keys: takes.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_positional "envtop" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" filter' -l 'filter' -d 'Only the items this query matches (the search line\'s language: state:, env:, hb>60s, age>10m, meta.KEY:, attention:any, -negation).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list"' -s 'e' -l 'environment' -d 'An environment to watch (env_...); repeat it for several. Without it, envtop watches every self-hosted environment the credentials (or the chosen profiles) can see, up to 20.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list"' -s 'p' -l 'profile' -d 'A profile of the config file to watch; repeat it for several (default: every profile). Several environments open on the merged view; e switches between them.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" base-url' -l 'base-url' -d 'API base URL without profiles. Default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" workspace' -l 'workspace' -d 'Workspace id, sent as anthropic-workspace-id, for credentials that span workspaces.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" refresh' -l 'refresh' -d 'Seconds between refreshes (default: the config\'s refresh, else 2; at least 0.5). While the API fails, retries come at most max(refresh, 3 s) apart; data older than refresh + 3 s is marked STALE.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" read-only' -l 'read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" no-read-only' -l 'no-read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" demo' -l 'demo' -d 'Watch live simulated environments on loopback (two profiles, one production): no account, no network.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" seed' -l 'seed' -d 'Seed of the --demo simulator (the same seed gives the same history).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" once' -l 'once' -d 'Print one plain-text snapshot of the stats and the work list to stdout, then exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" theme' -l 'theme' -d 'Theme name or path to a theme file (default: the config\'s theme, else default).' -rfka '(__envtop_custom_completion ---completion list -- --theme (count (__envtop_tokens -pc)) (__envtop_tokens -tC))'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" list-themes' -l 'list-themes' -d 'List the available themes and exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" log-file' -l 'log-file' -d 'Where diagnostics go (default: $XDG_STATE_HOME/envtop/envtop.log).' -rF
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" config' -l 'config' -d 'Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" o output' -s 'o' -l 'output' -d 'With --once (and list, stats, stop): text, json, jsonl or csv.' -rfka 'text json jsonl csv'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" timeout' -l 'timeout' -d 'Seconds --once and the script commands wait for the API to connect and answer (default 5).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" api-key-stdin' -l 'api-key-stdin' -d 'Read keys from stdin, never from an argument: a bare line is the API key; ANTHROPIC_ENVIRONMENT_KEY=… and ANTHROPIC_AUTH_TOKEN=… lines set those.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats"' -s 'e' -l 'environment' -d 'An environment to watch (env_...); repeat it for several. Without it, envtop watches every self-hosted environment the credentials (or the chosen profiles) can see, up to 20.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats"' -s 'p' -l 'profile' -d 'A profile of the config file to watch; repeat it for several (default: every profile). Several environments open on the merged view; e switches between them.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" base-url' -l 'base-url' -d 'API base URL without profiles. Default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" workspace' -l 'workspace' -d 'Workspace id, sent as anthropic-workspace-id, for credentials that span workspaces.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" refresh' -l 'refresh' -d 'Seconds between refreshes (default: the config\'s refresh, else 2; at least 0.5). While the API fails, retries come at most max(refresh, 3 s) apart; data older than refresh + 3 s is marked STALE.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" read-only' -l 'read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" no-read-only' -l 'no-read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" demo' -l 'demo' -d 'Watch live simulated environments on loopback (two profiles, one production): no account, no network.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" seed' -l 'seed' -d 'Seed of the --demo simulator (the same seed gives the same history).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" once' -l 'once' -d 'Print one plain-text snapshot of the stats and the work list to stdout, then exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" theme' -l 'theme' -d 'Theme name or path to a theme file (default: the config\'s theme, else default).' -rfka '(__envtop_custom_completion ---completion stats -- --theme (count (__envtop_tokens -pc)) (__envtop_tokens -tC))'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" list-themes' -l 'list-themes' -d 'List the available themes and exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" log-file' -l 'log-file' -d 'Where diagnostics go (default: $XDG_STATE_HOME/envtop/envtop.log).' -rF
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" config' -l 'config' -d 'Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" o output' -s 'o' -l 'output' -d 'With --once (and list, stats, stop): text, json, jsonl or csv.' -rfka 'text json jsonl csv'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" timeout' -l 'timeout' -d 'Seconds --once and the script commands wait for the API to connect and answer (default 5).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" api-key-stdin' -l 'api-key-stdin' -d 'Read keys from stdin, never from an argument: a bare line is the API key; ANTHROPIC_ENVIRONMENT_KEY=… and ANTHROPIC_AUTH_TOKEN=… lines set those.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" filter' -l 'filter' -d 'Stop every item this query matches instead of listed ids.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" force' -l 'force' -d 'Force stop: the item becomes stopped at once, without a graceful drain.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" reason' -l 'reason' -d 'Why, for the audit log (and the item\'s metadata where the profile says record_reason: true).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" dry-run' -l 'dry-run' -d 'Print what would be stopped, send nothing.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" yes' -l 'yes' -d 'Do not ask: required when stdin is not a terminal.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop"' -l 'confirm-environment' -d 'A production profile\'s label, as the dashboard asks it typed for a force stop.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop"' -s 'e' -l 'environment' -d 'An environment to watch (env_...); repeat it for several. Without it, envtop watches every self-hosted environment the credentials (or the chosen profiles) can see, up to 20.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop"' -s 'p' -l 'profile' -d 'A profile of the config file to watch; repeat it for several (default: every profile). Several environments open on the merged view; e switches between them.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" base-url' -l 'base-url' -d 'API base URL without profiles. Default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" workspace' -l 'workspace' -d 'Workspace id, sent as anthropic-workspace-id, for credentials that span workspaces.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" refresh' -l 'refresh' -d 'Seconds between refreshes (default: the config\'s refresh, else 2; at least 0.5). While the API fails, retries come at most max(refresh, 3 s) apart; data older than refresh + 3 s is marked STALE.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" read-only' -l 'read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" no-read-only' -l 'no-read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" demo' -l 'demo' -d 'Watch live simulated environments on loopback (two profiles, one production): no account, no network.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" seed' -l 'seed' -d 'Seed of the --demo simulator (the same seed gives the same history).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" once' -l 'once' -d 'Print one plain-text snapshot of the stats and the work list to stdout, then exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" theme' -l 'theme' -d 'Theme name or path to a theme file (default: the config\'s theme, else default).' -rfka '(__envtop_custom_completion ---completion stop -- --theme (count (__envtop_tokens -pc)) (__envtop_tokens -tC))'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" list-themes' -l 'list-themes' -d 'List the available themes and exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" log-file' -l 'log-file' -d 'Where diagnostics go (default: $XDG_STATE_HOME/envtop/envtop.log).' -rF
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" config' -l 'config' -d 'Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" o output' -s 'o' -l 'output' -d 'With --once (and list, stats, stop): text, json, jsonl or csv.' -rfka 'text json jsonl csv'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" timeout' -l 'timeout' -d 'Seconds --once and the script commands wait for the API to connect and answer (default 5).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" api-key-stdin' -l 'api-key-stdin' -d 'Read keys from stdin, never from an argument: a bare line is the API key; ANTHROPIC_ENVIRONMENT_KEY=… and ANTHROPIC_AUTH_TOKEN=… lines set those.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop stop" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" listen' -l 'listen' -d 'HOST:PORT to serve on (default 127.0.0.1:9464; port 0 picks a free one).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" allow-remote' -l 'allow-remote' -d 'Allow a non-loopback --listen address (the metrics name your environments).'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter"' -s 'e' -l 'environment' -d 'An environment to watch (env_...); repeat it for several. Without it, envtop watches every self-hosted environment the credentials (or the chosen profiles) can see, up to 20.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter"' -s 'p' -l 'profile' -d 'A profile of the config file to watch; repeat it for several (default: every profile). Several environments open on the merged view; e switches between them.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" base-url' -l 'base-url' -d 'API base URL without profiles. Default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" workspace' -l 'workspace' -d 'Workspace id, sent as anthropic-workspace-id, for credentials that span workspaces.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" refresh' -l 'refresh' -d 'Seconds between refreshes (default: the config\'s refresh, else 2; at least 0.5). While the API fails, retries come at most max(refresh, 3 s) apart; data older than refresh + 3 s is marked STALE.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" read-only' -l 'read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" no-read-only' -l 'no-read-only' -d 'No key can change anything; the screen says so.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" demo' -l 'demo' -d 'Watch live simulated environments on loopback (two profiles, one production): no account, no network.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" seed' -l 'seed' -d 'Seed of the --demo simulator (the same seed gives the same history).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" once' -l 'once' -d 'Print one plain-text snapshot of the stats and the work list to stdout, then exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" theme' -l 'theme' -d 'Theme name or path to a theme file (default: the config\'s theme, else default).' -rfka '(__envtop_custom_completion ---completion exporter -- --theme (count (__envtop_tokens -pc)) (__envtop_tokens -tC))'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" list-themes' -l 'list-themes' -d 'List the available themes and exit.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" log-file' -l 'log-file' -d 'Where diagnostics go (default: $XDG_STATE_HOME/envtop/envtop.log).' -rF
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" config' -l 'config' -d 'Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" o output' -s 'o' -l 'output' -d 'With --once (and list, stats, stop): text, json, jsonl or csv.' -rfka 'text json jsonl csv'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" timeout' -l 'timeout' -d 'Seconds --once and the script commands wait for the API to connect and answer (default 5).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" api-key-stdin' -l 'api-key-stdin' -d 'Read keys from stdin, never from an argument: a bare line is the API key; ANTHROPIC_ENVIRONMENT_KEY=… and ANTHROPIC_AUTH_TOKEN=… lines set those.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop exporter" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" since' -l 'since' -d 'Only records newer than this: 30s, 15m, 2h, 7d.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" environment' -l 'environment' -d 'Only this environment id.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" action' -l 'action' -d 'Only this action: stop, force_stop.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" o output' -s 'o' -l 'output' -d 'text (one line each) or json (the records, one per line).' -rfka 'text json'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" file' -l 'file' -d 'Read this file instead of the default.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop audit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" port' -l 'port' -d 'Port to listen on (0 picks a free one).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" seed' -l 'seed' -d 'Seed for the history and the simulated behaviour (7, as --demo and the screenshots).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" environments' -l 'environments' -d 'Number of environments.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" workers' -l 'workers' -d 'Simulated workers per environment (0 = none).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" arrival-rate' -l 'arrival-rate' -d 'New items per second per environment (0 = none).' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" items' -l 'items' -d 'Items of seeded history per environment.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" lease-ttl' -l 'lease-ttl' -d 'Lease TTL in seconds for heartbeats that name none.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate"' -l 'api-key' -d 'Accept this API key (repeatable). Prefer ENVTOP_SIM_API_KEY: options show in ps.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate"' -l 'environment-key' -d 'Accept this environment key (repeatable). Prefer ENVTOP_SIM_ENVIRONMENT_KEY.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" latency-ms' -l 'latency-ms' -d 'Added latency in milliseconds.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" jitter-ms' -l 'jitter-ms' -d 'Extra random latency up to this many milliseconds.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate"' -l 'error-rate' -d 'STATUS=P: answer this share of requests with STATUS (repeatable), e.g. 503=0.2.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" retry-after' -l 'retry-after' -d 'Seconds sent as retry-after with injected 429 and 503.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" malformed-rate' -l 'malformed-rate' -d 'Share of answers with a truncated JSON body.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" drop-rate' -l 'drop-rate' -d 'Share of requests whose connection is closed without an answer.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate"' -l 'trouble' -d 'Play a trouble (repeatable): KIND, KIND:ENV (environment 1, 2...), KIND@SECONDS (after a delay), e.g. stalled_claim:2@10.' -rfka ''
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop simulate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop keys" markdown' -l 'markdown' -d 'Print the README section of the default keys, markers included.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop keys" glossary' -l 'glossary' -d 'Print the README\'s glossary section (the header\'s terms and the runbook rules), markers included.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop keys" names' -l 'names' -d 'List the action and scope names the config\'s keys: section takes.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop keys" config' -l 'config' -d 'Config file to read instead of $XDG_CONFIG_HOME/envtop/config.yaml.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop keys" version' -l 'version' -d 'Show the version.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop keys" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'envtop' -n '__envtop_should_offer_completions_for_flags_or_options "envtop help" version' -l 'version' -d 'Show the version.'
