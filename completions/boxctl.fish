# fish completion for boxctl.
# Generated from the command declarations (src/cli/commands) by `npm run gen`: do not edit.
# Install it as ~/.config/fish/completions/boxctl.fish, or load it with: boxctl completion fish | source

function __boxctl_cmd
    switch "$argv[1]"
        case ''
            set -g __bx_subs 'info' 'run' 'ps' 'inspect' 'create' 'start' 'stop' 'kill' 'restart' 'rm' 'wait' 'logs' 'exec' 'attach' 'pause' 'unpause' 'rename' 'top' 'stats' 'port' 'cp' 'diff' 'export' 'commit' 'container' 'login' 'logout' 'pull' 'images' 'image' 'rmi' 'tag' 'untag' 'save' 'load' 'import' 'volume' 'system' 'generate' 'kube' 'quadlet' 'ui' 'runtime' 'unshare' 'version' 'completion'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'info'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'run'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile --detach-keys
            set -g __bx_after 1
        case 'ps'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --filter -f --last
            set -g __bx_after 
        case 'inspect'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f --type -t
            set -g __bx_after 
        case 'create'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile
            set -g __bx_after 1
        case 'start'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --detach-keys
            set -g __bx_after 
        case 'stop'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --time -t --cidfile
            set -g __bx_after 
        case 'kill'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --signal -s
            set -g __bx_after 
        case 'restart'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --time -t
            set -g __bx_after 
        case 'rm'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --time -t --cidfile
            set -g __bx_after 
        case 'wait'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'logs'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --tail -n --since --until
            set -g __bx_after 
        case 'exec'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --env -e --env-file --user -u --workdir -w
            set -g __bx_after 1
        case 'attach'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --detach-keys
            set -g __bx_after 
        case 'pause'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'unpause'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'rename'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'top'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 1
        case 'stats'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --interval -i
            set -g __bx_after 
        case 'port'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'cp'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'diff'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format
            set -g __bx_after 
        case 'export'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --output -o
            set -g __bx_after 
        case 'commit'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --change -c --message -m --author -a
            set -g __bx_after 
        case 'container'
            set -g __bx_subs 'attach' 'cleanup' 'commit' 'cp' 'create' 'diff' 'exec' 'exists' 'export' 'inspect' 'kill' 'list' 'logs' 'ls' 'pause' 'port' 'prune' 'ps' 'rename' 'restart' 'rm' 'run' 'start' 'stats' 'stop' 'top' 'unpause' 'wait'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container attach'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --detach-keys
            set -g __bx_after 
        case 'container cleanup'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container commit'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --change -c --message -m --author -a
            set -g __bx_after 
        case 'container cp'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container create'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile
            set -g __bx_after 1
        case 'container diff'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format
            set -g __bx_after 
        case 'container exec'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --env -e --env-file --user -u --workdir -w
            set -g __bx_after 1
        case 'container exists'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container export'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --output -o
            set -g __bx_after 
        case 'container inspect'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f --type -t
            set -g __bx_after 
        case 'container kill'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --signal -s
            set -g __bx_after 
        case 'container list'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --filter -f --last
            set -g __bx_after 
        case 'container logs'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --tail -n --since --until
            set -g __bx_after 
        case 'container ls'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --filter -f --last
            set -g __bx_after 
        case 'container pause'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container port'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container prune'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container ps'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --filter -f --last
            set -g __bx_after 
        case 'container rename'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container restart'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --time -t
            set -g __bx_after 
        case 'container rm'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --time -t --cidfile
            set -g __bx_after 
        case 'container run'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile --detach-keys
            set -g __bx_after 1
        case 'container start'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --detach-keys
            set -g __bx_after 
        case 'container stats'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --interval -i
            set -g __bx_after 
        case 'container stop'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --time -t --cidfile
            set -g __bx_after 
        case 'container top'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 1
        case 'container unpause'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'container wait'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'login'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --username -u --password -p --authfile
            set -g __bx_after 
        case 'logout'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --authfile
            set -g __bx_after 
        case 'pull'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --platform --os --arch --variant
            set -g __bx_after 
        case 'images'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f --filter
            set -g __bx_after 
        case 'image'
            set -g __bx_subs 'ls' 'list' 'inspect' 'exists' 'history' 'prune'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'image ls'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f --filter
            set -g __bx_after 
        case 'image list'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f --filter
            set -g __bx_after 
        case 'image inspect'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'image exists'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'image history'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'image prune'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'rmi'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'tag'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'untag'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'save'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --output -o --format
            set -g __bx_after 
        case 'load'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --input -i
            set -g __bx_after 
        case 'import'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --message -m
            set -g __bx_after 
        case 'volume'
            set -g __bx_subs 'create' 'ls' 'list' 'inspect' 'rm' 'prune' 'exists'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'volume create'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --label -l --opt -o --driver -d
            set -g __bx_after 
        case 'volume ls'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --filter -f
            set -g __bx_after 
        case 'volume list'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format --filter -f
            set -g __bx_after 
        case 'volume inspect'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'volume rm'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'volume prune'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --filter
            set -g __bx_after 
        case 'volume exists'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'system'
            set -g __bx_subs 'df' 'prune' 'info'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'system df'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format
            set -g __bx_after 
        case 'system prune'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'system info'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'generate'
            set -g __bx_subs 'systemd' 'kube'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'generate systemd'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --restart-policy --stop-timeout -t --container-prefix --separator --format
            set -g __bx_after 
        case 'generate kube'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --filename -f
            set -g __bx_after 
        case 'kube'
            set -g __bx_subs 'play' 'down'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'kube play'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --validate
            set -g __bx_after 
        case 'kube down'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'quadlet'
            set -g __bx_subs 'generate'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'quadlet generate'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'ui'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --interval
            set -g __bx_after 
        case 'runtime'
            set -g __bx_subs 'create' 'start' 'run' 'state' 'kill' 'delete' 'list'
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'runtime create'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --bundle -b --console-socket --pid-file
            set -g __bx_after 
        case 'runtime start'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'runtime run'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --bundle -b --console-socket --pid-file
            set -g __bx_after 
        case 'runtime state'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'runtime kill'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'runtime delete'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case 'runtime list'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'unshare'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 0
        case 'version'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level --format -f
            set -g __bx_after 
        case 'completion'
            set -g __bx_subs 
            set -g __bx_valued --root --runroot --log-level
            set -g __bx_after 
        case '*'
            set -g __bx_subs
            set -g __bx_valued
            set -g __bx_after
    end
end

# Reads the words before the cursor, once per command line: the command path, how
# many positionals were given, and --root/--runroot to pass on to __complete.
function __boxctl_walk
    set -l line (commandline -cp)
    test "$line" = "$__bx_line"; and return
    set -g __bx_line $line
    set -l words (commandline -opc)
    set -g __bx_prog $words[1]
    set -g __bx_path ''
    set -g __bx_npos 0
    set -g __bx_gflags
    __boxctl_cmd ''
    set -l expect ''
    for w in $words[2..-1]
        if test -n "$expect"
            contains -- $expect --root --runroot; and set -a __bx_gflags $expect $w
            set expect ''
            continue
        end
        if test -n "$__bx_after"; and test $__bx_npos -ge $__bx_after
            set __bx_npos (math $__bx_npos + 1)
            continue
        end
        switch $w
            case '--root=*' '--runroot=*'
                set -a __bx_gflags $w
            case '--*=*'
            case '--*'
                contains -- $w $__bx_valued; and set expect $w
            case '-?*'
                set -l last -(string sub -s -1 -- $w)
                contains -- $last $__bx_valued; and set expect $last
            case '*'
                if test $__bx_npos -eq 0; and contains -- $w $__bx_subs
                    set __bx_path (string trim -- "$__bx_path $w")
                    __boxctl_cmd $__bx_path
                else
                    set __bx_npos (math $__bx_npos + 1)
                end
        end
    end
end

# True when the line is at command PATH.
function __boxctl_at
    __boxctl_walk
    test "$__bx_path" = "$argv[1]"
end

# True when the line is at PATH and waits for a subcommand.
function __boxctl_sub
    __boxctl_at $argv[1]; and test $__bx_npos -eq 0
end

# True when the line is at PATH and the next word is positional N (or, with +, N or later).
function __boxctl_arg
    __boxctl_at $argv[1]; or return 1
    test -n "$__bx_after"; and test $__bx_npos -ge $__bx_after; and return 1
    test $__bx_npos -eq $argv[2]; or begin; test "$argv[3]" = +; and test $__bx_npos -ge $argv[2]; end
end

# True past the positionals, where the user's own command line begins.
function __boxctl_command_part
    __boxctl_walk
    test -n "$__bx_after"; and test $__bx_npos -ge $__bx_after
end

function __boxctl_live
    __boxctl_walk
    $__bx_prog $__bx_gflags __complete $argv[1] 2>/dev/null
end

# No file names unless a flag or argument takes them.
complete -c boxctl -f
complete -c boxctl -F -n __boxctl_command_part
complete -c boxctl -f -n "__boxctl_sub ''" -a 'info' -d 'Show what this host offers rootless containers, and how to fix what is missing'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'run' -d 'Run a command in a new container'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'ps' -d 'List containers'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'inspect' -d 'Show the configuration and state of containers (or images) as JSON'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'create' -d 'Create a container from an image without starting it'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'start' -d 'Start one or more created or stopped containers'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'stop' -d 'Stop running containers: the stop signal, then SIGKILL after the timeout'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'kill' -d 'Send a signal to containers\' main process (default SIGKILL)'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'restart' -d 'Stop and start containers again'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'rm' -d 'Remove containers'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'wait' -d 'Wait for containers to exit and print their exit codes'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'logs' -d 'Print a container\'s output'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'exec' -d 'Run a command in a running container'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'attach' -d 'Attach to a running container\'s output and input'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'pause' -d 'Freeze every process of containers (cgroup.freeze)'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'unpause' -d 'Thaw paused containers'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'rename' -d 'Rename a container'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'top' -d 'Show the processes of a running container'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'stats' -d 'Show the resource use of containers: CPU, memory, network, block I/O, pids'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'port' -d 'List a container\'s published ports'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'cp' -d 'Copy files between a container and the host'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'diff' -d 'Show what changed in a container\'s file system'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'export' -d 'Export a container\'s file system as a tar archive'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'commit' -d 'Create an image from a container\'s changes'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'container' -d 'Manage containers: exists, prune, cleanup, and every container command by its long name'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'login' -d 'Log in to a registry'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'logout' -d 'Log out of a registry'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'pull' -d 'Pull an image from a registry'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'images' -d 'List the images in the local store'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'image' -d 'Manage images: ls, inspect, exists, history, prune'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'rmi' -d 'Remove images'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'tag' -d 'Give an image more names'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'untag' -d 'Remove names from an image, keeping the image'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'save' -d 'Save images to an archive'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'load' -d 'Load images from an archive'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'import' -d 'Make an image from a root file system tarball'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'volume' -d 'Manage volumes: create, ls, inspect, rm, prune, exists'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'system' -d 'Manage boxctl itself: disk usage, pruning, host information'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'generate' -d 'Generate systemd units or Kubernetes YAML from containers'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'kube' -d 'Run Kubernetes YAML here: play and down'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'quadlet' -d 'Run containers from Quadlet-style .container and .volume files under systemd'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'ui' -d 'Show a live dashboard of containers, images, volumes and logs'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'runtime' -d 'The OCI runtime: run a bundle as runc does (create, start, run, state, kill, delete, list)'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'unshare' -d 'Run a command as root in the user namespace that owns your images and containers'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'version' -d 'Show the boxctl version'
complete -c boxctl -f -n "__boxctl_sub ''" -a 'completion' -d 'Print the shell completion script for bash, zsh or fish'
complete -c boxctl -n "__boxctl_at ''" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at ''" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at ''" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at ''" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'info'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'info'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'info'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'info'" -l format -s f -x -a 'json' -d '\'text\' for people, \'json\', or a Go template such as \'{{.Overlay.Driver}}\''
complete -c boxctl -n "__boxctl_at 'info'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'run'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'run'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'run'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'run'" -l name -x -d 'name the container (default: a generated one)'
complete -c boxctl -n "__boxctl_at 'run'" -l env -s e -x -d 'set an environment variable: NAME=VALUE, or NAME to pass yours'
complete -c boxctl -n "__boxctl_at 'run'" -l env-file -r -F -d 'read environment variables from a file, one NAME=VALUE per line'
complete -c boxctl -n "__boxctl_at 'run'" -l workdir -s w -x -d 'working directory inside the container'
complete -c boxctl -n "__boxctl_at 'run'" -l user -s u -x -d 'run as USER[:GROUP] (names from the image, or numbers)'
complete -c boxctl -n "__boxctl_at 'run'" -l entrypoint -x -d 'override the image\'s entrypoint (\'\' clears it)'
complete -c boxctl -n "__boxctl_at 'run'" -l volume -s v -r -F -a '(__boxctl_live volumes)' -d 'bind a host path (HOST:CTR[:ro]) or mount a named volume (NAME:CTR[:ro])'
complete -c boxctl -n "__boxctl_at 'run'" -l mount -x -d 'type=bind|volume|tmpfs,source=..,target=..[,readonly]'
complete -c boxctl -n "__boxctl_at 'run'" -l tmpfs -x -d 'mount a tmpfs at PATH[:OPTIONS]'
complete -c boxctl -n "__boxctl_at 'run'" -l read-only -d 'mount the root filesystem read-only'
complete -c boxctl -n "__boxctl_at 'run'" -l hostname -x -d 'hostname inside the container (default: the short id)'
complete -c boxctl -n "__boxctl_at 'run'" -l label -s l -x -d 'add a label KEY=VALUE'
complete -c boxctl -n "__boxctl_at 'run'" -l init -d 'run a minimal init as pid 1 that reaps zombies and forwards signals'
complete -c boxctl -n "__boxctl_at 'run'" -l userns -x -a 'keep-id' -d '\'keep-id\': your uid and gid are the same inside the container'
complete -c boxctl -n "__boxctl_at 'run'" -l cap-add -x -d 'add a capability (e.g. NET_ADMIN, or ALL)'
complete -c boxctl -n "__boxctl_at 'run'" -l cap-drop -x -d 'drop a capability (e.g. CHOWN, or ALL)'
complete -c boxctl -n "__boxctl_at 'run'" -l security-opt -x -d 'no-new-privileges, seccomp=unconfined or seccomp=PROFILE.json'
complete -c boxctl -n "__boxctl_at 'run'" -l pull -x -a 'always missing never newer' -d 'pull the image: always, missing, never or newer'
complete -c boxctl -n "__boxctl_at 'run'" -l restart -x -a 'no on-failure always unless-stopped' -d 'restart policy: no, on-failure[:MAX], always, unless-stopped'
complete -c boxctl -n "__boxctl_at 'run'" -l memory -s m -x -d 'memory limit (e.g. 512m, 1g)'
complete -c boxctl -n "__boxctl_at 'run'" -l cpus -x -d 'CPU limit in CPUs (e.g. 0.5, 2)'
complete -c boxctl -n "__boxctl_at 'run'" -l pids-limit -x -d 'limit the number of processes (-1: none)'
complete -c boxctl -n "__boxctl_at 'run'" -l stop-signal -x -d 'signal that stops the container (default: the image’s, else TERM)'
complete -c boxctl -n "__boxctl_at 'run'" -l stop-timeout -x -d 'seconds to wait after the stop signal before SIGKILL (default 10)'
complete -c boxctl -n "__boxctl_at 'run'" -l health-cmd -x -d 'healthcheck command, a shell line or a JSON array (\'none\' disables the image\'s)'
complete -c boxctl -n "__boxctl_at 'run'" -l health-interval -x -d 'time between healthchecks (default 30s)'
complete -c boxctl -n "__boxctl_at 'run'" -l health-timeout -x -d 'time a healthcheck may take (default 30s)'
complete -c boxctl -n "__boxctl_at 'run'" -l health-retries -x -d 'failures in a row that make the container unhealthy (default 3)'
complete -c boxctl -n "__boxctl_at 'run'" -l health-start-period -x -d 'time after start during which failures do not count (default 0s)'
complete -c boxctl -n "__boxctl_at 'run'" -l health-on-failure -x -a 'none kill restart stop' -d 'what to do once unhealthy: none, kill, restart, stop'
complete -c boxctl -n "__boxctl_at 'run'" -l log-opt -x -d 'log options: max-size=SIZE, max-file=N'
complete -c boxctl -n "__boxctl_at 'run'" -l network -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'run'" -l net -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'run'" -l publish -s p -x -d 'publish a port: [IP:][HOST:]CTR[/tcp|/udp], ranges as A-B'
complete -c boxctl -n "__boxctl_at 'run'" -l publish-all -s P -d 'publish every port the image exposes on a free host port'
complete -c boxctl -n "__boxctl_at 'run'" -l dns -x -d 'a name server for /etc/resolv.conf'
complete -c boxctl -n "__boxctl_at 'run'" -l dns-search -x -d 'a search domain for /etc/resolv.conf (\'.\' for none)'
complete -c boxctl -n "__boxctl_at 'run'" -l dns-option -x -d 'an option for /etc/resolv.conf (e.g. ndots:2)'
complete -c boxctl -n "__boxctl_at 'run'" -l add-host -x -d 'add NAME:IP to /etc/hosts'
complete -c boxctl -n "__boxctl_at 'run'" -l no-hosts -d 'leave the image’s /etc/hosts as it is'
complete -c boxctl -n "__boxctl_at 'run'" -l sdnotify -x -a 'conmon container ignore' -d 'how systemd hears the container is ready over NOTIFY_SOCKET: conmon (boxctl says so once it runs), container (the container says so itself), ignore'
complete -c boxctl -n "__boxctl_at 'run'" -l cidfile -r -F -d 'write the container\'s id to this file (which must not hold one already); removed with the container'
complete -c boxctl -n "__boxctl_at 'run'" -l replace -d 'first remove a container that has the same --name'
complete -c boxctl -n "__boxctl_at 'run'" -l interactive -s i -d 'keep stdin open'
complete -c boxctl -n "__boxctl_at 'run'" -l tty -s t -d 'allocate a pseudo-terminal'
complete -c boxctl -n "__boxctl_at 'run'" -l detach -s d -d 'run in the background and print the container id'
complete -c boxctl -n "__boxctl_at 'run'" -l rm -d 'remove the container when it exits'
complete -c boxctl -n "__boxctl_at 'run'" -l detach-keys -x -d 'key sequence that detaches from the container (default ctrl-p,ctrl-q)'
complete -c boxctl -n "__boxctl_at 'run'" -l sig-proxy -d 'forward signals to the container (without a tty)'
complete -c boxctl -n "__boxctl_at 'run'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'run' 0" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'ps'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'ps'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'ps'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'ps'" -l all -s a -d 'show every container, not only running ones'
complete -c boxctl -n "__boxctl_at 'ps'" -l quiet -s q -d 'print only ids'
complete -c boxctl -n "__boxctl_at 'ps'" -l format -x -a 'json table \\{\\{.AutoRemove\\}\\} \\{\\{.Command\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedHuman\\}\\} \\{\\{.ExitCode\\}\\} \\{\\{.Exited\\}\\} \\{\\{.ExitedAt\\}\\} \\{\\{.ID\\}\\} \\{\\{.Image\\}\\} \\{\\{.ImageID\\}\\} \\{\\{.Label\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Mounts\\}\\} \\{\\{.Names\\}\\} \\{\\{.Networks\\}\\} \\{\\{.Pid\\}\\} \\{\\{.Pod\\}\\} \\{\\{.PodName\\}\\} \\{\\{.Ports\\}\\} \\{\\{.Restarts\\}\\} \\{\\{.RunningFor\\}\\} \\{\\{.Size\\}\\} \\{\\{.StartedAt\\}\\} \\{\\{.State\\}\\} \\{\\{.Status\\}\\}' -d '\'json\', \'table ...\', or a Go template such as \'{{.Names}}\''
complete -c boxctl -n "__boxctl_at 'ps'" -l filter -s f -x -d 'status=, name=, label=, ancestor=, id=, exited=, health=, before=, since='
complete -c boxctl -n "__boxctl_at 'ps'" -l no-trunc -d 'show whole ids and commands'
complete -c boxctl -n "__boxctl_at 'ps'" -l noheading -s n -d 'no header row'
complete -c boxctl -n "__boxctl_at 'ps'" -l size -s s -d 'show the disk space each container uses'
complete -c boxctl -n "__boxctl_at 'ps'" -l last -x -d 'show the N most recently created containers (all states)'
complete -c boxctl -n "__boxctl_at 'ps'" -l latest -s l -d 'show the most recently created container (all states)'
complete -c boxctl -n "__boxctl_at 'ps'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'inspect'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'inspect'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'inspect'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'inspect'" -l format -s f -x -a 'json table \\{\\{.Id\\}\\} \\{\\{.ID\\}\\} \\{\\{.Created\\}\\} \\{\\{.Path\\}\\} \\{\\{.Args\\}\\} \\{\\{.State\\}\\} \\{\\{.Image\\}\\} \\{\\{.ImageName\\}\\} \\{\\{.Rootfs\\}\\} \\{\\{.Pod\\}\\} \\{\\{.StaticDir\\}\\} \\{\\{.OCIConfigPath\\}\\} \\{\\{.Name\\}\\} \\{\\{.RestartCount\\}\\} \\{\\{.Driver\\}\\} \\{\\{.MountLabel\\}\\} \\{\\{.ProcessLabel\\}\\} \\{\\{.AppArmorProfile\\}\\} \\{\\{.ExecIDs\\}\\} \\{\\{.Mounts\\}\\} \\{\\{.Dependencies\\}\\} \\{\\{.Namespace\\}\\} \\{\\{.IsInfra\\}\\} \\{\\{.IsService\\}\\} \\{\\{.Config\\}\\} \\{\\{.HostConfig\\}\\} \\{\\{.NetworkSettings\\}\\}' -d 'a Go template applied to each object'
complete -c boxctl -n "__boxctl_at 'inspect'" -l type -s t -x -a 'all container image' -d 'container, image or all'
complete -c boxctl -n "__boxctl_at 'inspect'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'inspect' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'create'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'create'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'create'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'create'" -l name -x -d 'name the container (default: a generated one)'
complete -c boxctl -n "__boxctl_at 'create'" -l env -s e -x -d 'set an environment variable: NAME=VALUE, or NAME to pass yours'
complete -c boxctl -n "__boxctl_at 'create'" -l env-file -r -F -d 'read environment variables from a file, one NAME=VALUE per line'
complete -c boxctl -n "__boxctl_at 'create'" -l workdir -s w -x -d 'working directory inside the container'
complete -c boxctl -n "__boxctl_at 'create'" -l user -s u -x -d 'run as USER[:GROUP] (names from the image, or numbers)'
complete -c boxctl -n "__boxctl_at 'create'" -l entrypoint -x -d 'override the image\'s entrypoint (\'\' clears it)'
complete -c boxctl -n "__boxctl_at 'create'" -l volume -s v -r -F -a '(__boxctl_live volumes)' -d 'bind a host path (HOST:CTR[:ro]) or mount a named volume (NAME:CTR[:ro])'
complete -c boxctl -n "__boxctl_at 'create'" -l mount -x -d 'type=bind|volume|tmpfs,source=..,target=..[,readonly]'
complete -c boxctl -n "__boxctl_at 'create'" -l tmpfs -x -d 'mount a tmpfs at PATH[:OPTIONS]'
complete -c boxctl -n "__boxctl_at 'create'" -l read-only -d 'mount the root filesystem read-only'
complete -c boxctl -n "__boxctl_at 'create'" -l hostname -x -d 'hostname inside the container (default: the short id)'
complete -c boxctl -n "__boxctl_at 'create'" -l label -s l -x -d 'add a label KEY=VALUE'
complete -c boxctl -n "__boxctl_at 'create'" -l init -d 'run a minimal init as pid 1 that reaps zombies and forwards signals'
complete -c boxctl -n "__boxctl_at 'create'" -l userns -x -a 'keep-id' -d '\'keep-id\': your uid and gid are the same inside the container'
complete -c boxctl -n "__boxctl_at 'create'" -l cap-add -x -d 'add a capability (e.g. NET_ADMIN, or ALL)'
complete -c boxctl -n "__boxctl_at 'create'" -l cap-drop -x -d 'drop a capability (e.g. CHOWN, or ALL)'
complete -c boxctl -n "__boxctl_at 'create'" -l security-opt -x -d 'no-new-privileges, seccomp=unconfined or seccomp=PROFILE.json'
complete -c boxctl -n "__boxctl_at 'create'" -l pull -x -a 'always missing never newer' -d 'pull the image: always, missing, never or newer'
complete -c boxctl -n "__boxctl_at 'create'" -l restart -x -a 'no on-failure always unless-stopped' -d 'restart policy: no, on-failure[:MAX], always, unless-stopped'
complete -c boxctl -n "__boxctl_at 'create'" -l memory -s m -x -d 'memory limit (e.g. 512m, 1g)'
complete -c boxctl -n "__boxctl_at 'create'" -l cpus -x -d 'CPU limit in CPUs (e.g. 0.5, 2)'
complete -c boxctl -n "__boxctl_at 'create'" -l pids-limit -x -d 'limit the number of processes (-1: none)'
complete -c boxctl -n "__boxctl_at 'create'" -l stop-signal -x -d 'signal that stops the container (default: the image’s, else TERM)'
complete -c boxctl -n "__boxctl_at 'create'" -l stop-timeout -x -d 'seconds to wait after the stop signal before SIGKILL (default 10)'
complete -c boxctl -n "__boxctl_at 'create'" -l health-cmd -x -d 'healthcheck command, a shell line or a JSON array (\'none\' disables the image\'s)'
complete -c boxctl -n "__boxctl_at 'create'" -l health-interval -x -d 'time between healthchecks (default 30s)'
complete -c boxctl -n "__boxctl_at 'create'" -l health-timeout -x -d 'time a healthcheck may take (default 30s)'
complete -c boxctl -n "__boxctl_at 'create'" -l health-retries -x -d 'failures in a row that make the container unhealthy (default 3)'
complete -c boxctl -n "__boxctl_at 'create'" -l health-start-period -x -d 'time after start during which failures do not count (default 0s)'
complete -c boxctl -n "__boxctl_at 'create'" -l health-on-failure -x -a 'none kill restart stop' -d 'what to do once unhealthy: none, kill, restart, stop'
complete -c boxctl -n "__boxctl_at 'create'" -l log-opt -x -d 'log options: max-size=SIZE, max-file=N'
complete -c boxctl -n "__boxctl_at 'create'" -l network -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'create'" -l net -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'create'" -l publish -s p -x -d 'publish a port: [IP:][HOST:]CTR[/tcp|/udp], ranges as A-B'
complete -c boxctl -n "__boxctl_at 'create'" -l publish-all -s P -d 'publish every port the image exposes on a free host port'
complete -c boxctl -n "__boxctl_at 'create'" -l dns -x -d 'a name server for /etc/resolv.conf'
complete -c boxctl -n "__boxctl_at 'create'" -l dns-search -x -d 'a search domain for /etc/resolv.conf (\'.\' for none)'
complete -c boxctl -n "__boxctl_at 'create'" -l dns-option -x -d 'an option for /etc/resolv.conf (e.g. ndots:2)'
complete -c boxctl -n "__boxctl_at 'create'" -l add-host -x -d 'add NAME:IP to /etc/hosts'
complete -c boxctl -n "__boxctl_at 'create'" -l no-hosts -d 'leave the image’s /etc/hosts as it is'
complete -c boxctl -n "__boxctl_at 'create'" -l sdnotify -x -a 'conmon container ignore' -d 'how systemd hears the container is ready over NOTIFY_SOCKET: conmon (boxctl says so once it runs), container (the container says so itself), ignore'
complete -c boxctl -n "__boxctl_at 'create'" -l cidfile -r -F -d 'write the container\'s id to this file (which must not hold one already); removed with the container'
complete -c boxctl -n "__boxctl_at 'create'" -l replace -d 'first remove a container that has the same --name'
complete -c boxctl -n "__boxctl_at 'create'" -l interactive -s i -d 'keep stdin open'
complete -c boxctl -n "__boxctl_at 'create'" -l tty -s t -d 'allocate a pseudo-terminal'
complete -c boxctl -n "__boxctl_at 'create'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'create' 0" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'start'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'start'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'start'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'start'" -l attach -s a -d 'attach to the container\'s output and wait for it'
complete -c boxctl -n "__boxctl_at 'start'" -l interactive -s i -d 'attach stdin too'
complete -c boxctl -n "__boxctl_at 'start'" -l detach-keys -x -d 'key sequence that detaches (default ctrl-p,ctrl-q)'
complete -c boxctl -n "__boxctl_at 'start'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'start' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'stop'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'stop'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'stop'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'stop'" -l time -s t -x -d 'seconds to wait before SIGKILL (default: the container\'s stop timeout)'
complete -c boxctl -n "__boxctl_at 'stop'" -l all -s a -d 'stop every running container'
complete -c boxctl -n "__boxctl_at 'stop'" -l cidfile -r -F -d 'stop the container whose id is in this file (--cidfile of run)'
complete -c boxctl -n "__boxctl_at 'stop'" -l ignore -s i -d 'a container or cidfile that does not exist is not an error'
complete -c boxctl -n "__boxctl_at 'stop'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'stop' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'kill'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'kill'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'kill'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'kill'" -l signal -s s -x -d 'the signal, as a name or number'
complete -c boxctl -n "__boxctl_at 'kill'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'kill' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'restart'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'restart'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'restart'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'restart'" -l time -s t -x -d 'seconds to wait before SIGKILL'
complete -c boxctl -n "__boxctl_at 'restart'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'restart' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'rm'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'rm'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'rm'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'rm'" -l force -s f -d 'kill running containers first'
complete -c boxctl -n "__boxctl_at 'rm'" -l time -s t -x -d 'with -f: stop running containers gracefully first, waiting this many seconds before SIGKILL'
complete -c boxctl -n "__boxctl_at 'rm'" -l volumes -s v -d 'remove their anonymous volumes too'
complete -c boxctl -n "__boxctl_at 'rm'" -l all -s a -d 'remove every container'
complete -c boxctl -n "__boxctl_at 'rm'" -l cidfile -r -F -d 'remove the container whose id is in this file (--cidfile of run)'
complete -c boxctl -n "__boxctl_at 'rm'" -l ignore -s i -d 'a container or cidfile that does not exist is not an error'
complete -c boxctl -n "__boxctl_at 'rm'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'rm' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'wait'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'wait'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'wait'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'wait'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'wait' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'logs'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'logs'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'logs'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'logs'" -l follow -s f -d 'keep printing as the container writes, until it exits'
complete -c boxctl -n "__boxctl_at 'logs'" -l tail -s n -x -d 'only the last N lines'
complete -c boxctl -n "__boxctl_at 'logs'" -l since -x -d 'only lines after this time (RFC 3339, Unix seconds, or a duration such as 10m)'
complete -c boxctl -n "__boxctl_at 'logs'" -l until -x -d 'only lines before this time'
complete -c boxctl -n "__boxctl_at 'logs'" -l timestamps -s t -d 'prefix each line with its time'
complete -c boxctl -n "__boxctl_at 'logs'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'logs' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'exec'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'exec'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'exec'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'exec'" -l interactive -s i -d 'keep stdin open'
complete -c boxctl -n "__boxctl_at 'exec'" -l tty -s t -d 'allocate a pseudo-terminal'
complete -c boxctl -n "__boxctl_at 'exec'" -l detach -s d -d 'leave the command running in the background'
complete -c boxctl -n "__boxctl_at 'exec'" -l env -s e -x -d 'set an environment variable NAME=VALUE'
complete -c boxctl -n "__boxctl_at 'exec'" -l env-file -r -F -d 'read environment variables from a file'
complete -c boxctl -n "__boxctl_at 'exec'" -l user -s u -x -d 'run as USER[:GROUP]'
complete -c boxctl -n "__boxctl_at 'exec'" -l workdir -s w -x -d 'working directory'
complete -c boxctl -n "__boxctl_at 'exec'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'exec' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'attach'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'attach'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'attach'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'attach'" -l no-stdin -d 'do not send input'
complete -c boxctl -n "__boxctl_at 'attach'" -l detach-keys -x -d 'key sequence that detaches (default ctrl-p,ctrl-q)'
complete -c boxctl -n "__boxctl_at 'attach'" -l sig-proxy -d 'forward signals to the container (without a tty)'
complete -c boxctl -n "__boxctl_at 'attach'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'attach' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'pause'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'pause'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'pause'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'pause'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'pause' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'unpause'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'unpause'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'unpause'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'unpause'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'unpause' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'rename'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'rename'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'rename'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'rename'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'rename' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'top'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'top'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'top'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'top'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'stats'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'stats'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'stats'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'stats'" -l all -s a -d 'show every container, not only running ones'
complete -c boxctl -n "__boxctl_at 'stats'" -l format -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.Name\\}\\} \\{\\{.CPUPerc\\}\\} \\{\\{.AVGCPU\\}\\} \\{\\{.MemUsage\\}\\} \\{\\{.MemUsageBytes\\}\\} \\{\\{.MemPerc\\}\\} \\{\\{.NetIO\\}\\} \\{\\{.BlockIO\\}\\} \\{\\{.PIDS\\}\\} \\{\\{.UpTime\\}\\} \\{\\{.Up\\}\\} \\{\\{.ContainerID\\}\\} \\{\\{.CPU\\}\\} \\{\\{.AvgCPU\\}\\} \\{\\{.CPUNano\\}\\} \\{\\{.MemLimit\\}\\} \\{\\{.NetInput\\}\\} \\{\\{.NetOutput\\}\\} \\{\\{.BlockInput\\}\\} \\{\\{.BlockOutput\\}\\} \\{\\{.PIDs\\}\\} \\{\\{.Duration\\}\\}' -d '\'json\', or a Go template such as \'table {{.ID}} {{.MemUsage}}\''
complete -c boxctl -n "__boxctl_at 'stats'" -l interval -s i -x -d 'seconds between reports'
complete -c boxctl -n "__boxctl_at 'stats'" -l no-stream -d 'print one report and exit'
complete -c boxctl -n "__boxctl_at 'stats'" -l no-reset -d 'do not clear the screen between reports'
complete -c boxctl -n "__boxctl_at 'stats'" -l no-trunc -d 'show whole ids'
complete -c boxctl -n "__boxctl_at 'stats'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'port'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'port'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'port'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'port'" -l all -s a -d 'every running container'
complete -c boxctl -n "__boxctl_at 'port'" -l latest -s l -d 'the most recently created container'
complete -c boxctl -n "__boxctl_at 'port'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'cp'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'cp'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'cp'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'cp'" -l archive -s a -d 'keep the owners (uid and gid) of what is copied'
complete -c boxctl -n "__boxctl_at 'cp'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'cp' 0" -a '(__boxctl_live containers)'
complete -c boxctl -F -n "__boxctl_arg 'cp' 0"
complete -c boxctl -f -n "__boxctl_arg 'cp' 1" -a '(__boxctl_live containers)'
complete -c boxctl -F -n "__boxctl_arg 'cp' 1"
complete -c boxctl -n "__boxctl_at 'diff'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'diff'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'diff'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'diff'" -l format -x -a 'json' -d '\'json\' for a JSON object of changed, added and deleted paths'
complete -c boxctl -n "__boxctl_at 'diff'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'diff' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'export'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'export'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'export'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'export'" -l output -s o -r -F -d 'the file to write (default: stdout, which must not be a terminal)'
complete -c boxctl -n "__boxctl_at 'export'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'export' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'commit'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'commit'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'commit'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'commit'" -l change -s c -x -d 'a Dockerfile instruction for the config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR'
complete -c boxctl -n "__boxctl_at 'commit'" -l message -s m -x -d 'the commit message, kept in the history'
complete -c boxctl -n "__boxctl_at 'commit'" -l author -s a -x -d 'the author of the image'
complete -c boxctl -n "__boxctl_at 'commit'" -l quiet -s q -d 'print no progress'
complete -c boxctl -n "__boxctl_at 'commit'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'attach' -d 'Attach to a running container\'s output and input'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'cleanup' -d 'Clean up after a container\'s process exited (the monitor runs this)'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'commit' -d 'Create an image from a container\'s changes'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'cp' -d 'Copy files between a container and the host'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'create' -d 'Create a container from an image without starting it'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'diff' -d 'Show what changed in a container\'s file system'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'exec' -d 'Run a command in a running container'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'exists' -d 'Exit 0 if the container exists, 1 if not'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'export' -d 'Export a container\'s file system as a tar archive'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'inspect' -d 'Show the configuration and state of containers (or images) as JSON'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'kill' -d 'Send a signal to containers\' main process (default SIGKILL)'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'list' -d 'List containers (the same as ps)'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'logs' -d 'Print a container\'s output'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'ls' -d 'List containers (the same as ps)'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'pause' -d 'Freeze every process of containers (cgroup.freeze)'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'port' -d 'List a container\'s published ports'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'prune' -d 'Remove every stopped container'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'ps' -d 'List containers'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'rename' -d 'Rename a container'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'restart' -d 'Stop and start containers again'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'rm' -d 'Remove containers'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'run' -d 'Run a command in a new container'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'start' -d 'Start one or more created or stopped containers'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'stats' -d 'Show the resource use of containers: CPU, memory, network, block I/O, pids'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'stop' -d 'Stop running containers: the stop signal, then SIGKILL after the timeout'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'top' -d 'Show the processes of a running container'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'unpause' -d 'Thaw paused containers'
complete -c boxctl -f -n "__boxctl_sub 'container'" -a 'wait' -d 'Wait for containers to exit and print their exit codes'
complete -c boxctl -n "__boxctl_at 'container'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container attach'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container attach'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container attach'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container attach'" -l no-stdin -d 'do not send input'
complete -c boxctl -n "__boxctl_at 'container attach'" -l detach-keys -x -d 'key sequence that detaches (default ctrl-p,ctrl-q)'
complete -c boxctl -n "__boxctl_at 'container attach'" -l sig-proxy -d 'forward signals to the container (without a tty)'
complete -c boxctl -n "__boxctl_at 'container attach'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container attach' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container cleanup'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container cleanup'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container cleanup'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container cleanup'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container cleanup' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container commit'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container commit'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container commit'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container commit'" -l change -s c -x -d 'a Dockerfile instruction for the config: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR'
complete -c boxctl -n "__boxctl_at 'container commit'" -l message -s m -x -d 'the commit message, kept in the history'
complete -c boxctl -n "__boxctl_at 'container commit'" -l author -s a -x -d 'the author of the image'
complete -c boxctl -n "__boxctl_at 'container commit'" -l quiet -s q -d 'print no progress'
complete -c boxctl -n "__boxctl_at 'container commit'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container cp'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container cp'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container cp'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container cp'" -l archive -s a -d 'keep the owners (uid and gid) of what is copied'
complete -c boxctl -n "__boxctl_at 'container cp'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container cp' 0" -a '(__boxctl_live containers)'
complete -c boxctl -F -n "__boxctl_arg 'container cp' 0"
complete -c boxctl -f -n "__boxctl_arg 'container cp' 1" -a '(__boxctl_live containers)'
complete -c boxctl -F -n "__boxctl_arg 'container cp' 1"
complete -c boxctl -n "__boxctl_at 'container create'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container create'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container create'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container create'" -l name -x -d 'name the container (default: a generated one)'
complete -c boxctl -n "__boxctl_at 'container create'" -l env -s e -x -d 'set an environment variable: NAME=VALUE, or NAME to pass yours'
complete -c boxctl -n "__boxctl_at 'container create'" -l env-file -r -F -d 'read environment variables from a file, one NAME=VALUE per line'
complete -c boxctl -n "__boxctl_at 'container create'" -l workdir -s w -x -d 'working directory inside the container'
complete -c boxctl -n "__boxctl_at 'container create'" -l user -s u -x -d 'run as USER[:GROUP] (names from the image, or numbers)'
complete -c boxctl -n "__boxctl_at 'container create'" -l entrypoint -x -d 'override the image\'s entrypoint (\'\' clears it)'
complete -c boxctl -n "__boxctl_at 'container create'" -l volume -s v -r -F -a '(__boxctl_live volumes)' -d 'bind a host path (HOST:CTR[:ro]) or mount a named volume (NAME:CTR[:ro])'
complete -c boxctl -n "__boxctl_at 'container create'" -l mount -x -d 'type=bind|volume|tmpfs,source=..,target=..[,readonly]'
complete -c boxctl -n "__boxctl_at 'container create'" -l tmpfs -x -d 'mount a tmpfs at PATH[:OPTIONS]'
complete -c boxctl -n "__boxctl_at 'container create'" -l read-only -d 'mount the root filesystem read-only'
complete -c boxctl -n "__boxctl_at 'container create'" -l hostname -x -d 'hostname inside the container (default: the short id)'
complete -c boxctl -n "__boxctl_at 'container create'" -l label -s l -x -d 'add a label KEY=VALUE'
complete -c boxctl -n "__boxctl_at 'container create'" -l init -d 'run a minimal init as pid 1 that reaps zombies and forwards signals'
complete -c boxctl -n "__boxctl_at 'container create'" -l userns -x -a 'keep-id' -d '\'keep-id\': your uid and gid are the same inside the container'
complete -c boxctl -n "__boxctl_at 'container create'" -l cap-add -x -d 'add a capability (e.g. NET_ADMIN, or ALL)'
complete -c boxctl -n "__boxctl_at 'container create'" -l cap-drop -x -d 'drop a capability (e.g. CHOWN, or ALL)'
complete -c boxctl -n "__boxctl_at 'container create'" -l security-opt -x -d 'no-new-privileges, seccomp=unconfined or seccomp=PROFILE.json'
complete -c boxctl -n "__boxctl_at 'container create'" -l pull -x -a 'always missing never newer' -d 'pull the image: always, missing, never or newer'
complete -c boxctl -n "__boxctl_at 'container create'" -l restart -x -a 'no on-failure always unless-stopped' -d 'restart policy: no, on-failure[:MAX], always, unless-stopped'
complete -c boxctl -n "__boxctl_at 'container create'" -l memory -s m -x -d 'memory limit (e.g. 512m, 1g)'
complete -c boxctl -n "__boxctl_at 'container create'" -l cpus -x -d 'CPU limit in CPUs (e.g. 0.5, 2)'
complete -c boxctl -n "__boxctl_at 'container create'" -l pids-limit -x -d 'limit the number of processes (-1: none)'
complete -c boxctl -n "__boxctl_at 'container create'" -l stop-signal -x -d 'signal that stops the container (default: the image’s, else TERM)'
complete -c boxctl -n "__boxctl_at 'container create'" -l stop-timeout -x -d 'seconds to wait after the stop signal before SIGKILL (default 10)'
complete -c boxctl -n "__boxctl_at 'container create'" -l health-cmd -x -d 'healthcheck command, a shell line or a JSON array (\'none\' disables the image\'s)'
complete -c boxctl -n "__boxctl_at 'container create'" -l health-interval -x -d 'time between healthchecks (default 30s)'
complete -c boxctl -n "__boxctl_at 'container create'" -l health-timeout -x -d 'time a healthcheck may take (default 30s)'
complete -c boxctl -n "__boxctl_at 'container create'" -l health-retries -x -d 'failures in a row that make the container unhealthy (default 3)'
complete -c boxctl -n "__boxctl_at 'container create'" -l health-start-period -x -d 'time after start during which failures do not count (default 0s)'
complete -c boxctl -n "__boxctl_at 'container create'" -l health-on-failure -x -a 'none kill restart stop' -d 'what to do once unhealthy: none, kill, restart, stop'
complete -c boxctl -n "__boxctl_at 'container create'" -l log-opt -x -d 'log options: max-size=SIZE, max-file=N'
complete -c boxctl -n "__boxctl_at 'container create'" -l network -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'container create'" -l net -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'container create'" -l publish -s p -x -d 'publish a port: [IP:][HOST:]CTR[/tcp|/udp], ranges as A-B'
complete -c boxctl -n "__boxctl_at 'container create'" -l publish-all -s P -d 'publish every port the image exposes on a free host port'
complete -c boxctl -n "__boxctl_at 'container create'" -l dns -x -d 'a name server for /etc/resolv.conf'
complete -c boxctl -n "__boxctl_at 'container create'" -l dns-search -x -d 'a search domain for /etc/resolv.conf (\'.\' for none)'
complete -c boxctl -n "__boxctl_at 'container create'" -l dns-option -x -d 'an option for /etc/resolv.conf (e.g. ndots:2)'
complete -c boxctl -n "__boxctl_at 'container create'" -l add-host -x -d 'add NAME:IP to /etc/hosts'
complete -c boxctl -n "__boxctl_at 'container create'" -l no-hosts -d 'leave the image’s /etc/hosts as it is'
complete -c boxctl -n "__boxctl_at 'container create'" -l sdnotify -x -a 'conmon container ignore' -d 'how systemd hears the container is ready over NOTIFY_SOCKET: conmon (boxctl says so once it runs), container (the container says so itself), ignore'
complete -c boxctl -n "__boxctl_at 'container create'" -l cidfile -r -F -d 'write the container\'s id to this file (which must not hold one already); removed with the container'
complete -c boxctl -n "__boxctl_at 'container create'" -l replace -d 'first remove a container that has the same --name'
complete -c boxctl -n "__boxctl_at 'container create'" -l interactive -s i -d 'keep stdin open'
complete -c boxctl -n "__boxctl_at 'container create'" -l tty -s t -d 'allocate a pseudo-terminal'
complete -c boxctl -n "__boxctl_at 'container create'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container create' 0" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'container diff'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container diff'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container diff'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container diff'" -l format -x -a 'json' -d '\'json\' for a JSON object of changed, added and deleted paths'
complete -c boxctl -n "__boxctl_at 'container diff'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container diff' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container exec'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container exec'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container exec'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container exec'" -l interactive -s i -d 'keep stdin open'
complete -c boxctl -n "__boxctl_at 'container exec'" -l tty -s t -d 'allocate a pseudo-terminal'
complete -c boxctl -n "__boxctl_at 'container exec'" -l detach -s d -d 'leave the command running in the background'
complete -c boxctl -n "__boxctl_at 'container exec'" -l env -s e -x -d 'set an environment variable NAME=VALUE'
complete -c boxctl -n "__boxctl_at 'container exec'" -l env-file -r -F -d 'read environment variables from a file'
complete -c boxctl -n "__boxctl_at 'container exec'" -l user -s u -x -d 'run as USER[:GROUP]'
complete -c boxctl -n "__boxctl_at 'container exec'" -l workdir -s w -x -d 'working directory'
complete -c boxctl -n "__boxctl_at 'container exec'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container exec' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container exists'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container exists'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container exists'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container exists'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container exists' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container export'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container export'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container export'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container export'" -l output -s o -r -F -d 'the file to write (default: stdout, which must not be a terminal)'
complete -c boxctl -n "__boxctl_at 'container export'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container export' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container inspect'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container inspect'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container inspect'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container inspect'" -l format -s f -x -a 'json table \\{\\{.Id\\}\\} \\{\\{.ID\\}\\} \\{\\{.Created\\}\\} \\{\\{.Path\\}\\} \\{\\{.Args\\}\\} \\{\\{.State\\}\\} \\{\\{.Image\\}\\} \\{\\{.ImageName\\}\\} \\{\\{.Rootfs\\}\\} \\{\\{.Pod\\}\\} \\{\\{.StaticDir\\}\\} \\{\\{.OCIConfigPath\\}\\} \\{\\{.Name\\}\\} \\{\\{.RestartCount\\}\\} \\{\\{.Driver\\}\\} \\{\\{.MountLabel\\}\\} \\{\\{.ProcessLabel\\}\\} \\{\\{.AppArmorProfile\\}\\} \\{\\{.ExecIDs\\}\\} \\{\\{.Mounts\\}\\} \\{\\{.Dependencies\\}\\} \\{\\{.Namespace\\}\\} \\{\\{.IsInfra\\}\\} \\{\\{.IsService\\}\\} \\{\\{.Config\\}\\} \\{\\{.HostConfig\\}\\} \\{\\{.NetworkSettings\\}\\}' -d 'a Go template applied to each object'
complete -c boxctl -n "__boxctl_at 'container inspect'" -l type -s t -x -a 'all container image' -d 'container, image or all'
complete -c boxctl -n "__boxctl_at 'container inspect'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container inspect' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container kill'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container kill'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container kill'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container kill'" -l signal -s s -x -d 'the signal, as a name or number'
complete -c boxctl -n "__boxctl_at 'container kill'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container kill' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container list'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container list'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container list'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container list'" -l all -s a -d 'show every container, not only running ones'
complete -c boxctl -n "__boxctl_at 'container list'" -l quiet -s q -d 'print only ids'
complete -c boxctl -n "__boxctl_at 'container list'" -l format -x -a 'json table \\{\\{.AutoRemove\\}\\} \\{\\{.Command\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedHuman\\}\\} \\{\\{.ExitCode\\}\\} \\{\\{.Exited\\}\\} \\{\\{.ExitedAt\\}\\} \\{\\{.ID\\}\\} \\{\\{.Image\\}\\} \\{\\{.ImageID\\}\\} \\{\\{.Label\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Mounts\\}\\} \\{\\{.Names\\}\\} \\{\\{.Networks\\}\\} \\{\\{.Pid\\}\\} \\{\\{.Pod\\}\\} \\{\\{.PodName\\}\\} \\{\\{.Ports\\}\\} \\{\\{.Restarts\\}\\} \\{\\{.RunningFor\\}\\} \\{\\{.Size\\}\\} \\{\\{.StartedAt\\}\\} \\{\\{.State\\}\\} \\{\\{.Status\\}\\}' -d '\'json\', \'table ...\', or a Go template such as \'{{.Names}}\''
complete -c boxctl -n "__boxctl_at 'container list'" -l filter -s f -x -d 'status=, name=, label=, ancestor=, id=, exited=, health=, before=, since='
complete -c boxctl -n "__boxctl_at 'container list'" -l no-trunc -d 'show whole ids and commands'
complete -c boxctl -n "__boxctl_at 'container list'" -l noheading -s n -d 'no header row'
complete -c boxctl -n "__boxctl_at 'container list'" -l size -s s -d 'show the disk space each container uses'
complete -c boxctl -n "__boxctl_at 'container list'" -l last -x -d 'show the N most recently created containers (all states)'
complete -c boxctl -n "__boxctl_at 'container list'" -l latest -s l -d 'show the most recently created container (all states)'
complete -c boxctl -n "__boxctl_at 'container list'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container logs'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container logs'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container logs'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container logs'" -l follow -s f -d 'keep printing as the container writes, until it exits'
complete -c boxctl -n "__boxctl_at 'container logs'" -l tail -s n -x -d 'only the last N lines'
complete -c boxctl -n "__boxctl_at 'container logs'" -l since -x -d 'only lines after this time (RFC 3339, Unix seconds, or a duration such as 10m)'
complete -c boxctl -n "__boxctl_at 'container logs'" -l until -x -d 'only lines before this time'
complete -c boxctl -n "__boxctl_at 'container logs'" -l timestamps -s t -d 'prefix each line with its time'
complete -c boxctl -n "__boxctl_at 'container logs'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container logs' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container ls'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container ls'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container ls'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container ls'" -l all -s a -d 'show every container, not only running ones'
complete -c boxctl -n "__boxctl_at 'container ls'" -l quiet -s q -d 'print only ids'
complete -c boxctl -n "__boxctl_at 'container ls'" -l format -x -a 'json table \\{\\{.AutoRemove\\}\\} \\{\\{.Command\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedHuman\\}\\} \\{\\{.ExitCode\\}\\} \\{\\{.Exited\\}\\} \\{\\{.ExitedAt\\}\\} \\{\\{.ID\\}\\} \\{\\{.Image\\}\\} \\{\\{.ImageID\\}\\} \\{\\{.Label\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Mounts\\}\\} \\{\\{.Names\\}\\} \\{\\{.Networks\\}\\} \\{\\{.Pid\\}\\} \\{\\{.Pod\\}\\} \\{\\{.PodName\\}\\} \\{\\{.Ports\\}\\} \\{\\{.Restarts\\}\\} \\{\\{.RunningFor\\}\\} \\{\\{.Size\\}\\} \\{\\{.StartedAt\\}\\} \\{\\{.State\\}\\} \\{\\{.Status\\}\\}' -d '\'json\', \'table ...\', or a Go template such as \'{{.Names}}\''
complete -c boxctl -n "__boxctl_at 'container ls'" -l filter -s f -x -d 'status=, name=, label=, ancestor=, id=, exited=, health=, before=, since='
complete -c boxctl -n "__boxctl_at 'container ls'" -l no-trunc -d 'show whole ids and commands'
complete -c boxctl -n "__boxctl_at 'container ls'" -l noheading -s n -d 'no header row'
complete -c boxctl -n "__boxctl_at 'container ls'" -l size -s s -d 'show the disk space each container uses'
complete -c boxctl -n "__boxctl_at 'container ls'" -l last -x -d 'show the N most recently created containers (all states)'
complete -c boxctl -n "__boxctl_at 'container ls'" -l latest -s l -d 'show the most recently created container (all states)'
complete -c boxctl -n "__boxctl_at 'container ls'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container pause'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container pause'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container pause'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container pause'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container pause' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container port'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container port'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container port'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container port'" -l all -s a -d 'every running container'
complete -c boxctl -n "__boxctl_at 'container port'" -l latest -s l -d 'the most recently created container'
complete -c boxctl -n "__boxctl_at 'container port'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container prune'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container prune'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container prune'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container prune'" -l force -s f -d 'do not ask for confirmation'
complete -c boxctl -n "__boxctl_at 'container prune'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container ps'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container ps'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container ps'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container ps'" -l all -s a -d 'show every container, not only running ones'
complete -c boxctl -n "__boxctl_at 'container ps'" -l quiet -s q -d 'print only ids'
complete -c boxctl -n "__boxctl_at 'container ps'" -l format -x -a 'json table \\{\\{.AutoRemove\\}\\} \\{\\{.Command\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedHuman\\}\\} \\{\\{.ExitCode\\}\\} \\{\\{.Exited\\}\\} \\{\\{.ExitedAt\\}\\} \\{\\{.ID\\}\\} \\{\\{.Image\\}\\} \\{\\{.ImageID\\}\\} \\{\\{.Label\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Mounts\\}\\} \\{\\{.Names\\}\\} \\{\\{.Networks\\}\\} \\{\\{.Pid\\}\\} \\{\\{.Pod\\}\\} \\{\\{.PodName\\}\\} \\{\\{.Ports\\}\\} \\{\\{.Restarts\\}\\} \\{\\{.RunningFor\\}\\} \\{\\{.Size\\}\\} \\{\\{.StartedAt\\}\\} \\{\\{.State\\}\\} \\{\\{.Status\\}\\}' -d '\'json\', \'table ...\', or a Go template such as \'{{.Names}}\''
complete -c boxctl -n "__boxctl_at 'container ps'" -l filter -s f -x -d 'status=, name=, label=, ancestor=, id=, exited=, health=, before=, since='
complete -c boxctl -n "__boxctl_at 'container ps'" -l no-trunc -d 'show whole ids and commands'
complete -c boxctl -n "__boxctl_at 'container ps'" -l noheading -s n -d 'no header row'
complete -c boxctl -n "__boxctl_at 'container ps'" -l size -s s -d 'show the disk space each container uses'
complete -c boxctl -n "__boxctl_at 'container ps'" -l last -x -d 'show the N most recently created containers (all states)'
complete -c boxctl -n "__boxctl_at 'container ps'" -l latest -s l -d 'show the most recently created container (all states)'
complete -c boxctl -n "__boxctl_at 'container ps'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container rename'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container rename'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container rename'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container rename'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container rename' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container restart'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container restart'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container restart'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container restart'" -l time -s t -x -d 'seconds to wait before SIGKILL'
complete -c boxctl -n "__boxctl_at 'container restart'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container restart' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container rm'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container rm'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container rm'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container rm'" -l force -s f -d 'kill running containers first'
complete -c boxctl -n "__boxctl_at 'container rm'" -l time -s t -x -d 'with -f: stop running containers gracefully first, waiting this many seconds before SIGKILL'
complete -c boxctl -n "__boxctl_at 'container rm'" -l volumes -s v -d 'remove their anonymous volumes too'
complete -c boxctl -n "__boxctl_at 'container rm'" -l all -s a -d 'remove every container'
complete -c boxctl -n "__boxctl_at 'container rm'" -l cidfile -r -F -d 'remove the container whose id is in this file (--cidfile of run)'
complete -c boxctl -n "__boxctl_at 'container rm'" -l ignore -s i -d 'a container or cidfile that does not exist is not an error'
complete -c boxctl -n "__boxctl_at 'container rm'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container rm' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container run'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container run'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container run'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container run'" -l name -x -d 'name the container (default: a generated one)'
complete -c boxctl -n "__boxctl_at 'container run'" -l env -s e -x -d 'set an environment variable: NAME=VALUE, or NAME to pass yours'
complete -c boxctl -n "__boxctl_at 'container run'" -l env-file -r -F -d 'read environment variables from a file, one NAME=VALUE per line'
complete -c boxctl -n "__boxctl_at 'container run'" -l workdir -s w -x -d 'working directory inside the container'
complete -c boxctl -n "__boxctl_at 'container run'" -l user -s u -x -d 'run as USER[:GROUP] (names from the image, or numbers)'
complete -c boxctl -n "__boxctl_at 'container run'" -l entrypoint -x -d 'override the image\'s entrypoint (\'\' clears it)'
complete -c boxctl -n "__boxctl_at 'container run'" -l volume -s v -r -F -a '(__boxctl_live volumes)' -d 'bind a host path (HOST:CTR[:ro]) or mount a named volume (NAME:CTR[:ro])'
complete -c boxctl -n "__boxctl_at 'container run'" -l mount -x -d 'type=bind|volume|tmpfs,source=..,target=..[,readonly]'
complete -c boxctl -n "__boxctl_at 'container run'" -l tmpfs -x -d 'mount a tmpfs at PATH[:OPTIONS]'
complete -c boxctl -n "__boxctl_at 'container run'" -l read-only -d 'mount the root filesystem read-only'
complete -c boxctl -n "__boxctl_at 'container run'" -l hostname -x -d 'hostname inside the container (default: the short id)'
complete -c boxctl -n "__boxctl_at 'container run'" -l label -s l -x -d 'add a label KEY=VALUE'
complete -c boxctl -n "__boxctl_at 'container run'" -l init -d 'run a minimal init as pid 1 that reaps zombies and forwards signals'
complete -c boxctl -n "__boxctl_at 'container run'" -l userns -x -a 'keep-id' -d '\'keep-id\': your uid and gid are the same inside the container'
complete -c boxctl -n "__boxctl_at 'container run'" -l cap-add -x -d 'add a capability (e.g. NET_ADMIN, or ALL)'
complete -c boxctl -n "__boxctl_at 'container run'" -l cap-drop -x -d 'drop a capability (e.g. CHOWN, or ALL)'
complete -c boxctl -n "__boxctl_at 'container run'" -l security-opt -x -d 'no-new-privileges, seccomp=unconfined or seccomp=PROFILE.json'
complete -c boxctl -n "__boxctl_at 'container run'" -l pull -x -a 'always missing never newer' -d 'pull the image: always, missing, never or newer'
complete -c boxctl -n "__boxctl_at 'container run'" -l restart -x -a 'no on-failure always unless-stopped' -d 'restart policy: no, on-failure[:MAX], always, unless-stopped'
complete -c boxctl -n "__boxctl_at 'container run'" -l memory -s m -x -d 'memory limit (e.g. 512m, 1g)'
complete -c boxctl -n "__boxctl_at 'container run'" -l cpus -x -d 'CPU limit in CPUs (e.g. 0.5, 2)'
complete -c boxctl -n "__boxctl_at 'container run'" -l pids-limit -x -d 'limit the number of processes (-1: none)'
complete -c boxctl -n "__boxctl_at 'container run'" -l stop-signal -x -d 'signal that stops the container (default: the image’s, else TERM)'
complete -c boxctl -n "__boxctl_at 'container run'" -l stop-timeout -x -d 'seconds to wait after the stop signal before SIGKILL (default 10)'
complete -c boxctl -n "__boxctl_at 'container run'" -l health-cmd -x -d 'healthcheck command, a shell line or a JSON array (\'none\' disables the image\'s)'
complete -c boxctl -n "__boxctl_at 'container run'" -l health-interval -x -d 'time between healthchecks (default 30s)'
complete -c boxctl -n "__boxctl_at 'container run'" -l health-timeout -x -d 'time a healthcheck may take (default 30s)'
complete -c boxctl -n "__boxctl_at 'container run'" -l health-retries -x -d 'failures in a row that make the container unhealthy (default 3)'
complete -c boxctl -n "__boxctl_at 'container run'" -l health-start-period -x -d 'time after start during which failures do not count (default 0s)'
complete -c boxctl -n "__boxctl_at 'container run'" -l health-on-failure -x -a 'none kill restart stop' -d 'what to do once unhealthy: none, kill, restart, stop'
complete -c boxctl -n "__boxctl_at 'container run'" -l log-opt -x -d 'log options: max-size=SIZE, max-file=N'
complete -c boxctl -n "__boxctl_at 'container run'" -l network -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'container run'" -l net -x -a 'pasta slirp4netns none host private ns: container:' -d 'network: pasta[:OPTIONS] (default where installed), slirp4netns[:allow_host_loopback=true], none, host, private (loopback only), ns:PATH, container:NAME'
complete -c boxctl -n "__boxctl_at 'container run'" -l publish -s p -x -d 'publish a port: [IP:][HOST:]CTR[/tcp|/udp], ranges as A-B'
complete -c boxctl -n "__boxctl_at 'container run'" -l publish-all -s P -d 'publish every port the image exposes on a free host port'
complete -c boxctl -n "__boxctl_at 'container run'" -l dns -x -d 'a name server for /etc/resolv.conf'
complete -c boxctl -n "__boxctl_at 'container run'" -l dns-search -x -d 'a search domain for /etc/resolv.conf (\'.\' for none)'
complete -c boxctl -n "__boxctl_at 'container run'" -l dns-option -x -d 'an option for /etc/resolv.conf (e.g. ndots:2)'
complete -c boxctl -n "__boxctl_at 'container run'" -l add-host -x -d 'add NAME:IP to /etc/hosts'
complete -c boxctl -n "__boxctl_at 'container run'" -l no-hosts -d 'leave the image’s /etc/hosts as it is'
complete -c boxctl -n "__boxctl_at 'container run'" -l sdnotify -x -a 'conmon container ignore' -d 'how systemd hears the container is ready over NOTIFY_SOCKET: conmon (boxctl says so once it runs), container (the container says so itself), ignore'
complete -c boxctl -n "__boxctl_at 'container run'" -l cidfile -r -F -d 'write the container\'s id to this file (which must not hold one already); removed with the container'
complete -c boxctl -n "__boxctl_at 'container run'" -l replace -d 'first remove a container that has the same --name'
complete -c boxctl -n "__boxctl_at 'container run'" -l interactive -s i -d 'keep stdin open'
complete -c boxctl -n "__boxctl_at 'container run'" -l tty -s t -d 'allocate a pseudo-terminal'
complete -c boxctl -n "__boxctl_at 'container run'" -l detach -s d -d 'run in the background and print the container id'
complete -c boxctl -n "__boxctl_at 'container run'" -l rm -d 'remove the container when it exits'
complete -c boxctl -n "__boxctl_at 'container run'" -l detach-keys -x -d 'key sequence that detaches from the container (default ctrl-p,ctrl-q)'
complete -c boxctl -n "__boxctl_at 'container run'" -l sig-proxy -d 'forward signals to the container (without a tty)'
complete -c boxctl -n "__boxctl_at 'container run'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container run' 0" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'container start'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container start'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container start'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container start'" -l attach -s a -d 'attach to the container\'s output and wait for it'
complete -c boxctl -n "__boxctl_at 'container start'" -l interactive -s i -d 'attach stdin too'
complete -c boxctl -n "__boxctl_at 'container start'" -l detach-keys -x -d 'key sequence that detaches (default ctrl-p,ctrl-q)'
complete -c boxctl -n "__boxctl_at 'container start'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container start' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container stats'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container stats'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container stats'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container stats'" -l all -s a -d 'show every container, not only running ones'
complete -c boxctl -n "__boxctl_at 'container stats'" -l format -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.Name\\}\\} \\{\\{.CPUPerc\\}\\} \\{\\{.AVGCPU\\}\\} \\{\\{.MemUsage\\}\\} \\{\\{.MemUsageBytes\\}\\} \\{\\{.MemPerc\\}\\} \\{\\{.NetIO\\}\\} \\{\\{.BlockIO\\}\\} \\{\\{.PIDS\\}\\} \\{\\{.UpTime\\}\\} \\{\\{.Up\\}\\} \\{\\{.ContainerID\\}\\} \\{\\{.CPU\\}\\} \\{\\{.AvgCPU\\}\\} \\{\\{.CPUNano\\}\\} \\{\\{.MemLimit\\}\\} \\{\\{.NetInput\\}\\} \\{\\{.NetOutput\\}\\} \\{\\{.BlockInput\\}\\} \\{\\{.BlockOutput\\}\\} \\{\\{.PIDs\\}\\} \\{\\{.Duration\\}\\}' -d '\'json\', or a Go template such as \'table {{.ID}} {{.MemUsage}}\''
complete -c boxctl -n "__boxctl_at 'container stats'" -l interval -s i -x -d 'seconds between reports'
complete -c boxctl -n "__boxctl_at 'container stats'" -l no-stream -d 'print one report and exit'
complete -c boxctl -n "__boxctl_at 'container stats'" -l no-reset -d 'do not clear the screen between reports'
complete -c boxctl -n "__boxctl_at 'container stats'" -l no-trunc -d 'show whole ids'
complete -c boxctl -n "__boxctl_at 'container stats'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container stop'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container stop'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container stop'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container stop'" -l time -s t -x -d 'seconds to wait before SIGKILL (default: the container\'s stop timeout)'
complete -c boxctl -n "__boxctl_at 'container stop'" -l all -s a -d 'stop every running container'
complete -c boxctl -n "__boxctl_at 'container stop'" -l cidfile -r -F -d 'stop the container whose id is in this file (--cidfile of run)'
complete -c boxctl -n "__boxctl_at 'container stop'" -l ignore -s i -d 'a container or cidfile that does not exist is not an error'
complete -c boxctl -n "__boxctl_at 'container stop'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container stop' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container top'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container top'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container top'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container top'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'container unpause'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container unpause'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container unpause'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container unpause'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container unpause' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'container wait'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'container wait'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'container wait'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'container wait'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'container wait' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'login'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'login'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'login'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'login'" -l username -s u -x -d 'the user name'
complete -c boxctl -n "__boxctl_at 'login'" -l password -s p -x -d 'the password (visible to other users in ps: prefer --password-stdin)'
complete -c boxctl -n "__boxctl_at 'login'" -l password-stdin -d 'read the password from stdin'
complete -c boxctl -n "__boxctl_at 'login'" -l authfile -r -F -d 'the auth file to use (default ${XDG_RUNTIME_DIR}/containers/auth.json; env REGISTRY_AUTH_FILE)'
complete -c boxctl -n "__boxctl_at 'login'" -l tls-verify -d 'require HTTPS and verify certificates (loopback registries may use HTTP)'
complete -c boxctl -n "__boxctl_at 'login'" -l get-login -d 'print the user name stored for the registry'
complete -c boxctl -n "__boxctl_at 'login'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'logout'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'logout'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'logout'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'logout'" -l authfile -r -F -d 'the auth file to use (default ${XDG_RUNTIME_DIR}/containers/auth.json; env REGISTRY_AUTH_FILE)'
complete -c boxctl -n "__boxctl_at 'logout'" -l all -s a -d 'remove the credentials of every registry'
complete -c boxctl -n "__boxctl_at 'logout'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'pull'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'pull'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'pull'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'pull'" -l platform -x -d 'OS/ARCH[/VARIANT] to choose from a multi-platform image'
complete -c boxctl -n "__boxctl_at 'pull'" -l os -x -d 'the OS to choose (default linux)'
complete -c boxctl -n "__boxctl_at 'pull'" -l arch -x -d 'the architecture to choose (default the host\'s)'
complete -c boxctl -n "__boxctl_at 'pull'" -l variant -x -d 'the architecture variant to choose'
complete -c boxctl -n "__boxctl_at 'pull'" -l tls-verify -d 'require HTTPS and verify certificates (loopback registries may use HTTP)'
complete -c boxctl -n "__boxctl_at 'pull'" -l quiet -s q -d 'print only the image id'
complete -c boxctl -n "__boxctl_at 'pull'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'images'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'images'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'images'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'images'" -l format -s f -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.Repository\\}\\} \\{\\{.Tag\\}\\} \\{\\{.Digest\\}\\} \\{\\{.Names\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedSince\\}\\} \\{\\{.CreatedTime\\}\\} \\{\\{.Size\\}\\} \\{\\{.VirtualSize\\}\\} \\{\\{.Dangling\\}\\} \\{\\{.ReadOnly\\}\\} \\{\\{.IsReadOnly\\}\\} \\{\\{.Labels\\}\\}' -d '\'table\', \'json\', or a Go template such as \'{{.Repository}}:{{.Tag}}\''
complete -c boxctl -n "__boxctl_at 'images'" -l quiet -s q -d 'print only image ids'
complete -c boxctl -n "__boxctl_at 'images'" -l noheading -s n -d 'leave out the header row'
complete -c boxctl -n "__boxctl_at 'images'" -l digests -d 'show manifest digests'
complete -c boxctl -n "__boxctl_at 'images'" -l filter -x -d 'dangling=true|false, reference=PATTERN'
complete -c boxctl -n "__boxctl_at 'images'" -l no-trunc -d 'show full ids'
complete -c boxctl -n "__boxctl_at 'images'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_sub 'image'" -a 'ls' -d 'List the images in the local store (the same as images)'
complete -c boxctl -f -n "__boxctl_sub 'image'" -a 'list' -d 'List the images in the local store (the same as images)'
complete -c boxctl -f -n "__boxctl_sub 'image'" -a 'inspect' -d 'Show the details of images as JSON'
complete -c boxctl -f -n "__boxctl_sub 'image'" -a 'exists' -d 'Exit 0 if an image is in the local store, 1 if not'
complete -c boxctl -f -n "__boxctl_sub 'image'" -a 'history' -d 'Show how an image was built, layer by layer'
complete -c boxctl -f -n "__boxctl_sub 'image'" -a 'prune' -d 'Remove dangling images'
complete -c boxctl -n "__boxctl_at 'image'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'image ls'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image ls'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image ls'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image ls'" -l format -s f -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.Repository\\}\\} \\{\\{.Tag\\}\\} \\{\\{.Digest\\}\\} \\{\\{.Names\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedSince\\}\\} \\{\\{.CreatedTime\\}\\} \\{\\{.Size\\}\\} \\{\\{.VirtualSize\\}\\} \\{\\{.Dangling\\}\\} \\{\\{.ReadOnly\\}\\} \\{\\{.IsReadOnly\\}\\} \\{\\{.Labels\\}\\}' -d '\'table\', \'json\', or a Go template such as \'{{.Repository}}:{{.Tag}}\''
complete -c boxctl -n "__boxctl_at 'image ls'" -l quiet -s q -d 'print only image ids'
complete -c boxctl -n "__boxctl_at 'image ls'" -l noheading -s n -d 'leave out the header row'
complete -c boxctl -n "__boxctl_at 'image ls'" -l digests -d 'show manifest digests'
complete -c boxctl -n "__boxctl_at 'image ls'" -l filter -x -d 'dangling=true|false, reference=PATTERN'
complete -c boxctl -n "__boxctl_at 'image ls'" -l no-trunc -d 'show full ids'
complete -c boxctl -n "__boxctl_at 'image ls'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'image list'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image list'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image list'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image list'" -l format -s f -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.Repository\\}\\} \\{\\{.Tag\\}\\} \\{\\{.Digest\\}\\} \\{\\{.Names\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedSince\\}\\} \\{\\{.CreatedTime\\}\\} \\{\\{.Size\\}\\} \\{\\{.VirtualSize\\}\\} \\{\\{.Dangling\\}\\} \\{\\{.ReadOnly\\}\\} \\{\\{.IsReadOnly\\}\\} \\{\\{.Labels\\}\\}' -d '\'table\', \'json\', or a Go template such as \'{{.Repository}}:{{.Tag}}\''
complete -c boxctl -n "__boxctl_at 'image list'" -l quiet -s q -d 'print only image ids'
complete -c boxctl -n "__boxctl_at 'image list'" -l noheading -s n -d 'leave out the header row'
complete -c boxctl -n "__boxctl_at 'image list'" -l digests -d 'show manifest digests'
complete -c boxctl -n "__boxctl_at 'image list'" -l filter -x -d 'dangling=true|false, reference=PATTERN'
complete -c boxctl -n "__boxctl_at 'image list'" -l no-trunc -d 'show full ids'
complete -c boxctl -n "__boxctl_at 'image list'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'image inspect'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image inspect'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image inspect'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image inspect'" -l format -s f -x -a 'json table \\{\\{.Id\\}\\} \\{\\{.Digest\\}\\} \\{\\{.RepoTags\\}\\} \\{\\{.RepoDigests\\}\\} \\{\\{.Created\\}\\} \\{\\{.Architecture\\}\\} \\{\\{.Os\\}\\} \\{\\{.Size\\}\\} \\{\\{.Config\\}\\} \\{\\{.RootFS\\}\\} \\{\\{.History\\}\\} \\{\\{.SingleIdMode\\}\\} \\{\\{.ID\\}\\}' -d '\'json\' (the default), or a Go template such as \'{{.RepoTags}}\''
complete -c boxctl -n "__boxctl_at 'image inspect'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'image inspect' 0 +" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'image exists'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image exists'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image exists'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image exists'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'image exists' 0" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'image history'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image history'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image history'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image history'" -l format -s f -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.Created\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.CreatedSince\\}\\} \\{\\{.CreatedBy\\}\\} \\{\\{.Comment\\}\\} \\{\\{.Tags\\}\\} \\{\\{.EmptyLayer\\}\\}' -d '\'table\', \'json\', or a Go template such as \'{{.CreatedBy}}\''
complete -c boxctl -n "__boxctl_at 'image history'" -l no-trunc -d 'show full ids and commands'
complete -c boxctl -n "__boxctl_at 'image history'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'image history' 0" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'image prune'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'image prune'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'image prune'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'image prune'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'rmi'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'rmi'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'rmi'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'rmi'" -l force -s f -d 'remove an image with several names by id, and the containers that use it'
complete -c boxctl -n "__boxctl_at 'rmi'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'rmi' 0 +" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'tag'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'tag'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'tag'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'tag'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'untag'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'untag'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'untag'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'untag'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'save'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'save'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'save'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'save'" -l output -s o -r -F -d 'the archive to write (default: stdout, which must not be a terminal)'
complete -c boxctl -n "__boxctl_at 'save'" -l format -x -a 'docker-archive oci-archive' -d 'the archive format'
complete -c boxctl -n "__boxctl_at 'save'" -l quiet -s q -d 'print no progress'
complete -c boxctl -n "__boxctl_at 'save'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'save' 0 +" -a '(__boxctl_live images)'
complete -c boxctl -n "__boxctl_at 'load'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'load'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'load'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'load'" -l input -s i -r -F -d 'the archive to read (default: stdin)'
complete -c boxctl -n "__boxctl_at 'load'" -l quiet -s q -d 'print no progress'
complete -c boxctl -n "__boxctl_at 'load'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'import'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'import'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'import'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'import'" -l message -s m -x -d 'the history comment (default: imported from tarball)'
complete -c boxctl -n "__boxctl_at 'import'" -l quiet -s q -d 'print no progress'
complete -c boxctl -n "__boxctl_at 'import'" -l help -s h -d 'show help'
complete -c boxctl -F -n "__boxctl_arg 'import' 0"
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'create' -d 'Create a volume'
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'ls' -d 'List volumes'
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'list' -d 'List volumes (the same as ls)'
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'inspect' -d 'Show the details of volumes as JSON'
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'rm' -d 'Remove volumes'
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'prune' -d 'Remove every volume no container uses'
complete -c boxctl -f -n "__boxctl_sub 'volume'" -a 'exists' -d 'Exit 0 if a volume exists, 1 if not'
complete -c boxctl -n "__boxctl_at 'volume'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'volume create'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume create'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume create'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume create'" -l label -s l -x -d 'set a label KEY=VALUE (repeatable)'
complete -c boxctl -n "__boxctl_at 'volume create'" -l opt -s o -x -d 'driver option KEY=VALUE; the local driver takes none'
complete -c boxctl -n "__boxctl_at 'volume create'" -l driver -s d -x -d 'the volume driver: only \'local\''
complete -c boxctl -n "__boxctl_at 'volume create'" -l ignore -d 'if the volume exists, keep it and print its name'
complete -c boxctl -n "__boxctl_at 'volume create'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l quiet -s q -d 'print only volume names'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l format -x -a 'json table \\{\\{.Name\\}\\} \\{\\{.Driver\\}\\} \\{\\{.Mountpoint\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Scope\\}\\} \\{\\{.Options\\}\\} \\{\\{.Anonymous\\}\\}' -d '\'json\', or a Go template (\'table {{.Name}}\\t{{.Labels}}\')'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l noheading -s n -d 'no header row in a table'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l filter -s f -x -d 'KEY=VALUE: name, driver, label, label!, dangling, until (repeatable)'
complete -c boxctl -n "__boxctl_at 'volume ls'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'volume list'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume list'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume list'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume list'" -l quiet -s q -d 'print only volume names'
complete -c boxctl -n "__boxctl_at 'volume list'" -l format -x -a 'json table \\{\\{.Name\\}\\} \\{\\{.Driver\\}\\} \\{\\{.Mountpoint\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Scope\\}\\} \\{\\{.Options\\}\\} \\{\\{.Anonymous\\}\\}' -d '\'json\', or a Go template (\'table {{.Name}}\\t{{.Labels}}\')'
complete -c boxctl -n "__boxctl_at 'volume list'" -l noheading -s n -d 'no header row in a table'
complete -c boxctl -n "__boxctl_at 'volume list'" -l filter -s f -x -d 'KEY=VALUE: name, driver, label, label!, dangling, until (repeatable)'
complete -c boxctl -n "__boxctl_at 'volume list'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'volume inspect'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume inspect'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume inspect'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume inspect'" -l all -s a -d 'inspect every volume'
complete -c boxctl -n "__boxctl_at 'volume inspect'" -l format -s f -x -a 'json table \\{\\{.Name\\}\\} \\{\\{.Driver\\}\\} \\{\\{.Mountpoint\\}\\} \\{\\{.CreatedAt\\}\\} \\{\\{.Labels\\}\\} \\{\\{.Scope\\}\\} \\{\\{.Options\\}\\} \\{\\{.Anonymous\\}\\}' -d '\'json\' (the default), or a Go template (\'{{.Mountpoint}}\')'
complete -c boxctl -n "__boxctl_at 'volume inspect'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'volume inspect' 0 +" -a '(__boxctl_live volumes)'
complete -c boxctl -n "__boxctl_at 'volume rm'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume rm'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume rm'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume rm'" -l all -s a -d 'remove every volume'
complete -c boxctl -n "__boxctl_at 'volume rm'" -l force -s f -d 'accepted for Podman compatibility; containers are never removed'
complete -c boxctl -n "__boxctl_at 'volume rm'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'volume rm' 0 +" -a '(__boxctl_live volumes)'
complete -c boxctl -n "__boxctl_at 'volume prune'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume prune'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume prune'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume prune'" -l force -s f -d 'do not ask for confirmation'
complete -c boxctl -n "__boxctl_at 'volume prune'" -l filter -x -d 'KEY=VALUE: label, label!, until, name, driver, dangling (repeatable)'
complete -c boxctl -n "__boxctl_at 'volume prune'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'volume exists'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'volume exists'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'volume exists'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'volume exists'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'volume exists' 0" -a '(__boxctl_live volumes)'
complete -c boxctl -f -n "__boxctl_sub 'system'" -a 'df' -d 'Show the disk space images, containers and volumes use'
complete -c boxctl -f -n "__boxctl_sub 'system'" -a 'prune' -d 'Remove stopped containers, dangling images and (with --volumes) unused volumes'
complete -c boxctl -f -n "__boxctl_sub 'system'" -a 'info' -d 'Show what this host offers rootless containers, and how to fix what is missing'
complete -c boxctl -n "__boxctl_at 'system'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'system'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'system'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'system'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'system df'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'system df'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'system df'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'system df'" -l verbose -s v -d 'list every image, container and volume'
complete -c boxctl -n "__boxctl_at 'system df'" -l format -x -a 'json table \\{\\{.Type\\}\\} \\{\\{.Total\\}\\} \\{\\{.Active\\}\\} \\{\\{.Size\\}\\} \\{\\{.Reclaimable\\}\\} \\{\\{.RawSize\\}\\} \\{\\{.RawReclaimable\\}\\}' -d '\'json\', or a Go template over the summary rows ({{.Type}} {{.Size}} ...)'
complete -c boxctl -n "__boxctl_at 'system df'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'system prune'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'system prune'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'system prune'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'system prune'" -l all -s a -d 'remove every image no container uses, not only dangling ones'
complete -c boxctl -n "__boxctl_at 'system prune'" -l volumes -d 'remove volumes no container mounts too'
complete -c boxctl -n "__boxctl_at 'system prune'" -l force -s f -d 'do not ask for confirmation'
complete -c boxctl -n "__boxctl_at 'system prune'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'system info'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'system info'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'system info'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'system info'" -l format -s f -x -a 'json' -d '\'text\' for people, \'json\', or a Go template such as \'{{.Overlay.Driver}}\''
complete -c boxctl -n "__boxctl_at 'system info'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_sub 'generate'" -a 'systemd' -d 'Generate a systemd user unit for a container'
complete -c boxctl -f -n "__boxctl_sub 'generate'" -a 'kube' -d 'Generate Kubernetes Pod YAML from containers'
complete -c boxctl -n "__boxctl_at 'generate'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'generate'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'generate'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'generate'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l new -d 'create the container at start and remove it at stop, instead of starting an existing one'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l name -s n -d 'use the container\'s name instead of its id in the unit\'s name and commands'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l files -s f -d 'write the unit into the current directory and print its path'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l install -d 'write the unit into ~/.config/systemd/user and print how to enable it'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l restart-policy -x -a 'no on-success on-failure on-abnormal on-watchdog on-abort always' -d 'systemd\'s Restart= (default on-failure, or always for a container made with --restart=always)'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l stop-timeout -s t -x -d 'seconds to wait before SIGKILL when stopping (default: the container\'s stop timeout)'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l container-prefix -x -d 'the prefix of the unit name'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l separator -x -d 'between the prefix and the name or id'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l no-header -d 'leave out the line saying which command made the unit'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l format -x -a 'json' -d '\'json\': a map of unit name to unit (or to file path with --files, --install)'
complete -c boxctl -n "__boxctl_at 'generate systemd'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'generate systemd' 0" -a '(__boxctl_live containers)'
complete -c boxctl -n "__boxctl_at 'generate kube'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'generate kube'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'generate kube'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'generate kube'" -l filename -s f -r -F -d 'write into this file (refused when it exists) instead of stdout'
complete -c boxctl -n "__boxctl_at 'generate kube'" -l service -s s -d 'add a NodePort Service for the published ports'
complete -c boxctl -n "__boxctl_at 'generate kube'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'generate kube' 0 +" -a '(__boxctl_live containers)'
complete -c boxctl -f -n "__boxctl_sub 'kube'" -a 'play' -d 'Create and start the Pods and Deployments of a Kubernetes YAML file'
complete -c boxctl -f -n "__boxctl_sub 'kube'" -a 'down' -d 'Stop and remove the pods that kube play made from a file'
complete -c boxctl -n "__boxctl_at 'kube'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'kube'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'kube'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'kube'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'kube play'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'kube play'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'kube play'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'kube play'" -l validate -x -a 'warn strict' -d 'fields boxctl does not support: \'warn\' names them, \'strict\' refuses the file'
complete -c boxctl -n "__boxctl_at 'kube play'" -l replace -d 'remove the pods of the file first if they exist'
complete -c boxctl -n "__boxctl_at 'kube play'" -l start -d 'start the containers (--start=false only creates them)'
complete -c boxctl -n "__boxctl_at 'kube play'" -l help -s h -d 'show help'
complete -c boxctl -F -n "__boxctl_arg 'kube play' 0"
complete -c boxctl -n "__boxctl_at 'kube down'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'kube down'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'kube down'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'kube down'" -l force -d 'remove the volumes of the file\'s PersistentVolumeClaims too'
complete -c boxctl -n "__boxctl_at 'kube down'" -l help -s h -d 'show help'
complete -c boxctl -F -n "__boxctl_arg 'kube down' 0"
complete -c boxctl -f -n "__boxctl_sub 'quadlet'" -a 'generate' -d 'Turn .container and .volume files into systemd user units'
complete -c boxctl -n "__boxctl_at 'quadlet'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'quadlet'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'quadlet'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'quadlet'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'quadlet generate'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'quadlet generate'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'quadlet generate'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'quadlet generate'" -l dry-run -d 'print the units instead of writing them'
complete -c boxctl -n "__boxctl_at 'quadlet generate'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'quadlet generate' 0" -a '(__fish_complete_directories)'
complete -c boxctl -f -n "__boxctl_arg 'quadlet generate' 1" -a '(__fish_complete_directories)'
complete -c boxctl -f -n "__boxctl_arg 'quadlet generate' 2" -a '(__fish_complete_directories)'
complete -c boxctl -n "__boxctl_at 'ui'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'ui'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'ui'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'ui'" -l interval -x -d 'seconds between refreshes (0.5 to 10)'
complete -c boxctl -n "__boxctl_at 'ui'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'create' -d 'Create a container from a bundle; its process waits before execve until start'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'start' -d 'Start the process of a created container'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'run' -d 'Create and start a container, wait for it and return its exit code'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'state' -d 'Print the OCI state of a container as JSON'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'kill' -d 'Send a signal to a container\'s process'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'delete' -d 'Delete a container and its state'
complete -c boxctl -f -n "__boxctl_sub 'runtime'" -a 'list' -d 'List the containers of the runtime'
complete -c boxctl -n "__boxctl_at 'runtime'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l bundle -s b -x -a '(__fish_complete_directories)' -d 'path to the OCI bundle (config.json and rootfs)'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l console-socket -r -F -d 'unix socket that receives the pty master (SCM_RIGHTS) when process.terminal is true'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l pid-file -r -F -d 'file to write the container process\'s pid to'
complete -c boxctl -n "__boxctl_at 'runtime create'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime start'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime start'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime start'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime start'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l bundle -s b -x -a '(__fish_complete_directories)' -d 'path to the OCI bundle (config.json and rootfs)'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l console-socket -r -F -d 'unix socket that receives the pty master (SCM_RIGHTS) when process.terminal is true'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l pid-file -r -F -d 'file to write the container process\'s pid to'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l detach -s d -d 'return once the process runs'
complete -c boxctl -n "__boxctl_at 'runtime run'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime state'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime state'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime state'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime state'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime kill'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime kill'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime kill'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime kill'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime delete'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime delete'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime delete'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime delete'" -l force -s f -d 'kill a running container first'
complete -c boxctl -n "__boxctl_at 'runtime delete'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'runtime list'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'runtime list'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'runtime list'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'runtime list'" -l format -s f -x -a 'json table \\{\\{.ID\\}\\} \\{\\{.PID\\}\\} \\{\\{.Status\\}\\} \\{\\{.Bundle\\}\\} \\{\\{.Rootfs\\}\\} \\{\\{.Created\\}\\} \\{\\{.Owner\\}\\} \\{\\{.Annotations\\}\\}' -d '\'table\', \'json\', or a Go template such as \'{{.ID}} {{.Status}}\''
complete -c boxctl -n "__boxctl_at 'runtime list'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'unshare'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'unshare'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'unshare'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'unshare'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'version'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'version'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'version'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'version'" -l format -s f -x -a 'json table \\{\\{.Client\\}\\}' -d '\'json\', or a Go template such as \'{{.Client.Version}}\''
complete -c boxctl -n "__boxctl_at 'version'" -l help -s h -d 'show help'
complete -c boxctl -n "__boxctl_at 'completion'" -l root -x -a '(__fish_complete_directories)' -d 'storage root (default $XDG_DATA_HOME/boxctl; env BOXCTL_ROOT)'
complete -c boxctl -n "__boxctl_at 'completion'" -l runroot -x -a '(__fish_complete_directories)' -d 'runtime state dir (default $XDG_RUNTIME_DIR/boxctl; env BOXCTL_RUNROOT)'
complete -c boxctl -n "__boxctl_at 'completion'" -l log-level -x -a 'debug info warn error' -d 'how much to log on stderr'
complete -c boxctl -n "__boxctl_at 'completion'" -l help -s h -d 'show help'
complete -c boxctl -f -n "__boxctl_arg 'completion' 0" -a 'bash zsh fish'
