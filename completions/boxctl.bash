# bash completion for boxctl.
# Generated from the command declarations (src/cli/commands) by `npm run gen`: do not edit.
# Load it with: source <(boxctl completion bash)

__boxctl_cmd() {
  case $1 in
    '') bx_subs='info run ps inspect create start stop kill restart rm wait logs exec attach pause unpause rename top stats port cp diff export commit container login logout pull images image rmi tag untag save load import volume system ui runtime unshare version completion'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'info') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos=''; bx_after='' ;;
    'run') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --interactive -i --tty -t --detach -d --rm --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --detach-keys'; bx_pos='images'; bx_after='1' ;;
    'ps') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --quiet -q --format --filter -f --no-trunc --noheading -n --size -s --last --latest -l --help -h'; bx_valued='--root --runroot --log-level --format --filter -f --last'; bx_pos=''; bx_after='' ;;
    'inspect') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --type -t --help -h'; bx_valued='--root --runroot --log-level --format -f --type -t'; bx_pos='containers*'; bx_after='' ;;
    'create') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --interactive -i --tty -t --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host'; bx_pos='images'; bx_after='1' ;;
    'start') bx_subs=''; bx_flags='--root --runroot --log-level --attach -a --interactive -i --detach-keys --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers*'; bx_after='' ;;
    'stop') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --all -a --help -h'; bx_valued='--root --runroot --log-level --time -t'; bx_pos='containers*'; bx_after='' ;;
    'kill') bx_subs=''; bx_flags='--root --runroot --log-level --signal -s --help -h'; bx_valued='--root --runroot --log-level --signal -s'; bx_pos='containers*'; bx_after='' ;;
    'restart') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --help -h'; bx_valued='--root --runroot --log-level --time -t'; bx_pos='containers*'; bx_after='' ;;
    'rm') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --volumes -v --all -a --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'wait') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'logs') bx_subs=''; bx_flags='--root --runroot --log-level --follow -f --tail -n --since --until --timestamps -t --help -h'; bx_valued='--root --runroot --log-level --tail -n --since --until'; bx_pos='containers'; bx_after='' ;;
    'exec') bx_subs=''; bx_flags='--root --runroot --log-level --interactive -i --tty -t --detach -d --env -e --env-file --user -u --workdir -w --help -h'; bx_valued='--root --runroot --log-level --env -e --env-file --user -u --workdir -w'; bx_pos='containers'; bx_after='1' ;;
    'attach') bx_subs=''; bx_flags='--root --runroot --log-level --no-stdin --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers'; bx_after='' ;;
    'pause') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'unpause') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'rename') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers -'; bx_after='' ;;
    'top') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-'; bx_after='1' ;;
    'stats') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --format --interval -i --no-stream --no-reset --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format --interval -i'; bx_pos='-*'; bx_after='' ;;
    'port') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --latest -l --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -'; bx_after='' ;;
    'cp') bx_subs=''; bx_flags='--root --runroot --log-level --archive -a --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -'; bx_after='' ;;
    'diff') bx_subs=''; bx_flags='--root --runroot --log-level --format --help -h'; bx_valued='--root --runroot --log-level --format'; bx_pos='-'; bx_after='' ;;
    'export') bx_subs=''; bx_flags='--root --runroot --log-level --output -o --help -h'; bx_valued='--root --runroot --log-level --output -o'; bx_pos='-'; bx_after='' ;;
    'commit') bx_subs=''; bx_flags='--root --runroot --log-level --change -c --message -m --author -a --quiet -q --help -h'; bx_valued='--root --runroot --log-level --change -c --message -m --author -a'; bx_pos='- -'; bx_after='' ;;
    'container') bx_subs='attach cleanup commit cp create diff exec exists export inspect kill list logs ls pause port prune ps rename restart rm run start stats stop top unpause wait'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'container attach') bx_subs=''; bx_flags='--root --runroot --log-level --no-stdin --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers'; bx_after='' ;;
    'container cleanup') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers'; bx_after='' ;;
    'container commit') bx_subs=''; bx_flags='--root --runroot --log-level --change -c --message -m --author -a --quiet -q --help -h'; bx_valued='--root --runroot --log-level --change -c --message -m --author -a'; bx_pos='- -'; bx_after='' ;;
    'container cp') bx_subs=''; bx_flags='--root --runroot --log-level --archive -a --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -'; bx_after='' ;;
    'container create') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --interactive -i --tty -t --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host'; bx_pos='images'; bx_after='1' ;;
    'container diff') bx_subs=''; bx_flags='--root --runroot --log-level --format --help -h'; bx_valued='--root --runroot --log-level --format'; bx_pos='-'; bx_after='' ;;
    'container exec') bx_subs=''; bx_flags='--root --runroot --log-level --interactive -i --tty -t --detach -d --env -e --env-file --user -u --workdir -w --help -h'; bx_valued='--root --runroot --log-level --env -e --env-file --user -u --workdir -w'; bx_pos='containers'; bx_after='1' ;;
    'container exists') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers'; bx_after='' ;;
    'container export') bx_subs=''; bx_flags='--root --runroot --log-level --output -o --help -h'; bx_valued='--root --runroot --log-level --output -o'; bx_pos='-'; bx_after='' ;;
    'container inspect') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --type -t --help -h'; bx_valued='--root --runroot --log-level --format -f --type -t'; bx_pos='containers*'; bx_after='' ;;
    'container kill') bx_subs=''; bx_flags='--root --runroot --log-level --signal -s --help -h'; bx_valued='--root --runroot --log-level --signal -s'; bx_pos='containers*'; bx_after='' ;;
    'container list') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --quiet -q --format --filter -f --no-trunc --noheading -n --size -s --last --latest -l --help -h'; bx_valued='--root --runroot --log-level --format --filter -f --last'; bx_pos=''; bx_after='' ;;
    'container logs') bx_subs=''; bx_flags='--root --runroot --log-level --follow -f --tail -n --since --until --timestamps -t --help -h'; bx_valued='--root --runroot --log-level --tail -n --since --until'; bx_pos='containers'; bx_after='' ;;
    'container ls') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --quiet -q --format --filter -f --no-trunc --noheading -n --size -s --last --latest -l --help -h'; bx_valued='--root --runroot --log-level --format --filter -f --last'; bx_pos=''; bx_after='' ;;
    'container pause') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'container port') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --latest -l --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -'; bx_after='' ;;
    'container prune') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'container ps') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --quiet -q --format --filter -f --no-trunc --noheading -n --size -s --last --latest -l --help -h'; bx_valued='--root --runroot --log-level --format --filter -f --last'; bx_pos=''; bx_after='' ;;
    'container rename') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers -'; bx_after='' ;;
    'container restart') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --help -h'; bx_valued='--root --runroot --log-level --time -t'; bx_pos='containers*'; bx_after='' ;;
    'container rm') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --volumes -v --all -a --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'container run') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --interactive -i --tty -t --detach -d --rm --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --detach-keys'; bx_pos='images'; bx_after='1' ;;
    'container start') bx_subs=''; bx_flags='--root --runroot --log-level --attach -a --interactive -i --detach-keys --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers*'; bx_after='' ;;
    'container stats') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --format --interval -i --no-stream --no-reset --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format --interval -i'; bx_pos='-*'; bx_after='' ;;
    'container stop') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --all -a --help -h'; bx_valued='--root --runroot --log-level --time -t'; bx_pos='containers*'; bx_after='' ;;
    'container top') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-'; bx_after='1' ;;
    'container unpause') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'container wait') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'login') bx_subs=''; bx_flags='--root --runroot --log-level --username -u --password -p --password-stdin --authfile --tls-verify --get-login --help -h'; bx_valued='--root --runroot --log-level --username -u --password -p --authfile'; bx_pos='-'; bx_after='' ;;
    'logout') bx_subs=''; bx_flags='--root --runroot --log-level --authfile --all -a --help -h'; bx_valued='--root --runroot --log-level --authfile'; bx_pos='-'; bx_after='' ;;
    'pull') bx_subs=''; bx_flags='--root --runroot --log-level --platform --os --arch --variant --tls-verify --quiet -q --help -h'; bx_valued='--root --runroot --log-level --platform --os --arch --variant'; bx_pos='-'; bx_after='' ;;
    'images') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --quiet -q --noheading -n --digests --filter --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format -f --filter'; bx_pos=''; bx_after='' ;;
    'image') bx_subs='inspect exists history prune'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'image inspect') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='images*'; bx_after='' ;;
    'image exists') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='images'; bx_after='' ;;
    'image history') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos='images'; bx_after='' ;;
    'image prune') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'rmi') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='images*'; bx_after='' ;;
    'tag') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -*'; bx_after='' ;;
    'untag') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -*'; bx_after='' ;;
    'save') bx_subs=''; bx_flags='--root --runroot --log-level --output -o --format --quiet -q --help -h'; bx_valued='--root --runroot --log-level --output -o --format'; bx_pos='images*'; bx_after='' ;;
    'load') bx_subs=''; bx_flags='--root --runroot --log-level --input -i --quiet -q --help -h'; bx_valued='--root --runroot --log-level --input -i'; bx_pos=''; bx_after='' ;;
    'import') bx_subs=''; bx_flags='--root --runroot --log-level --message -m --quiet -q --help -h'; bx_valued='--root --runroot --log-level --message -m'; bx_pos='- -'; bx_after='' ;;
    'volume') bx_subs='create ls inspect rm prune exists'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'volume create') bx_subs=''; bx_flags='--root --runroot --log-level --label -l --opt -o --driver -d --ignore --help -h'; bx_valued='--root --runroot --log-level --label -l --opt -o --driver -d'; bx_pos='-'; bx_after='' ;;
    'volume ls') bx_subs=''; bx_flags='--root --runroot --log-level --quiet -q --format --noheading -n --filter -f --help -h'; bx_valued='--root --runroot --log-level --format --filter -f'; bx_pos=''; bx_after='' ;;
    'volume inspect') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos='volumes*'; bx_after='' ;;
    'volume rm') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='volumes*'; bx_after='' ;;
    'volume prune') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --filter --help -h'; bx_valued='--root --runroot --log-level --filter'; bx_pos=''; bx_after='' ;;
    'volume exists') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='volumes'; bx_after='' ;;
    'system') bx_subs='df prune info'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'system df') bx_subs=''; bx_flags='--root --runroot --log-level --verbose -v --format --help -h'; bx_valued='--root --runroot --log-level --format'; bx_pos=''; bx_after='' ;;
    'system prune') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --volumes --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'system info') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos=''; bx_after='' ;;
    'ui') bx_subs=''; bx_flags='--root --runroot --log-level --interval --help -h'; bx_valued='--root --runroot --log-level --interval'; bx_pos=''; bx_after='' ;;
    'runtime') bx_subs='create start run state kill delete list'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'runtime create') bx_subs=''; bx_flags='--root --runroot --log-level --bundle -b --console-socket --pid-file --help -h'; bx_valued='--root --runroot --log-level --bundle -b --console-socket --pid-file'; bx_pos='-'; bx_after='' ;;
    'runtime start') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-'; bx_after='' ;;
    'runtime run') bx_subs=''; bx_flags='--root --runroot --log-level --bundle -b --console-socket --pid-file --detach -d --help -h'; bx_valued='--root --runroot --log-level --bundle -b --console-socket --pid-file'; bx_pos='-'; bx_after='' ;;
    'runtime state') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-'; bx_after='' ;;
    'runtime kill') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -'; bx_after='' ;;
    'runtime delete') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-'; bx_after='' ;;
    'runtime list') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos=''; bx_after='' ;;
    'unshare') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-*'; bx_after='0' ;;
    'version') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos=''; bx_after='' ;;
    'completion') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='=bash,zsh,fish'; bx_after='' ;;
    *) bx_subs=''; bx_flags=''; bx_valued=''; bx_pos=''; bx_after='' ;;
  esac
}

__boxctl_values() {
  case "$1|$2" in
    '|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'info|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'info|--format'|'info|-f') bx_values='json'; bx_kind='' ;;
    'run|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'run|--name') bx_values=''; bx_kind='none' ;;
    'run|--env-file') bx_values=''; bx_kind='files' ;;
    'run|--userns') bx_values='keep-id'; bx_kind='' ;;
    'run|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'run|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'run|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'run|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'run|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'ps|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'ps|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'inspect|--format'|'inspect|-f') bx_values='json'; bx_kind='' ;;
    'inspect|--type'|'inspect|-t') bx_values='all container image'; bx_kind='' ;;
    'create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'create|--name') bx_values=''; bx_kind='none' ;;
    'create|--env-file') bx_values=''; bx_kind='files' ;;
    'create|--userns') bx_values='keep-id'; bx_kind='' ;;
    'create|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'create|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'create|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'create|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'create|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'start|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stop|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'kill|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'restart|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rm|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'wait|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'logs|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'exec|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'attach|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'pause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'unpause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rename|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'top|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stats|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stats|--format') bx_values='json'; bx_kind='' ;;
    'port|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'cp|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'diff|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'diff|--format') bx_values='json'; bx_kind='' ;;
    'export|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'commit|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container attach|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container cleanup|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container commit|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container cp|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container create|--name') bx_values=''; bx_kind='none' ;;
    'container create|--env-file') bx_values=''; bx_kind='files' ;;
    'container create|--userns') bx_values='keep-id'; bx_kind='' ;;
    'container create|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'container create|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'container create|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'container create|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container create|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container diff|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container diff|--format') bx_values='json'; bx_kind='' ;;
    'container exec|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container exists|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container export|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container inspect|--format'|'container inspect|-f') bx_values='json'; bx_kind='' ;;
    'container inspect|--type'|'container inspect|-t') bx_values='all container image'; bx_kind='' ;;
    'container kill|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container list|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container list|--format') bx_values='json'; bx_kind='' ;;
    'container logs|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ls|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ls|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'container pause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container port|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ps|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ps|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'container rename|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container restart|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container rm|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container run|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container run|--name') bx_values=''; bx_kind='none' ;;
    'container run|--env-file') bx_values=''; bx_kind='files' ;;
    'container run|--userns') bx_values='keep-id'; bx_kind='' ;;
    'container run|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'container run|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'container run|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'container run|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container run|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container start|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container stats|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container stats|--format') bx_values='json'; bx_kind='' ;;
    'container stop|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container top|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container unpause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container wait|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'login|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'logout|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'pull|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'images|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'images|--format'|'images|-f') bx_values='json table {{.ID}} {{.Repository}} {{.Tag}} {{.Digest}} {{.Names}} {{.Created}} {{.CreatedAt}} {{.CreatedSince}} {{.CreatedTime}} {{.Size}} {{.VirtualSize}} {{.Dangling}} {{.ReadOnly}} {{.IsReadOnly}} {{.Labels}}'; bx_kind='' ;;
    'image|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image exists|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image history|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image history|--format'|'image history|-f') bx_values='json table {{.ID}} {{.Created}} {{.CreatedAt}} {{.CreatedSince}} {{.CreatedBy}} {{.Comment}} {{.Tags}} {{.EmptyLayer}}'; bx_kind='' ;;
    'image prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rmi|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'tag|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'untag|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'save|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'save|--format') bx_values='docker-archive oci-archive'; bx_kind='' ;;
    'load|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'import|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume ls|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume ls|--format') bx_values='json'; bx_kind='' ;;
    'volume inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume inspect|--format'|'volume inspect|-f') bx_values='json'; bx_kind='' ;;
    'volume rm|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume exists|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system df|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system df|--format') bx_values='json'; bx_kind='' ;;
    'system prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system info|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system info|--format'|'system info|-f') bx_values='json'; bx_kind='' ;;
    'ui|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime start|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime run|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime state|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime kill|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime delete|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime list|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime list|--format'|'runtime list|-f') bx_values='json table {{.ID}} {{.PID}} {{.Status}} {{.Bundle}} {{.Rootfs}} {{.Created}} {{.Owner}} {{.Annotations}}'; bx_kind='' ;;
    'unshare|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'version|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'version|--format'|'version|-f') bx_values='json'; bx_kind='' ;;
    'completion|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    *) bx_values=''; bx_kind='' ;;
  esac
}

# Reads the words before the cursor: the command path, how many positionals were
# given, a flag still waiting for its value, and --root/--runroot to pass on.
__boxctl_walk() {
  local w last
  bx_path=''; bx_npos=0; bx_expect=''; bx_gflags=()
  __boxctl_cmd ''
  for w in "$@"; do
    if [[ -n $bx_expect ]]; then
      [[ $bx_expect == --root || $bx_expect == --runroot ]] && bx_gflags+=("$bx_expect" "$w")
      bx_expect=''
      continue
    fi
    if [[ -n $bx_after ]] && ((bx_npos >= bx_after)); then
      bx_npos=$((bx_npos + 1))
      continue
    fi
    case $w in
      --root=* | --runroot=*) bx_gflags+=("$w") ;;
      --*=*) ;;
      --*) [[ " $bx_valued " == *" $w "* ]] && bx_expect=$w ;;
      -?*)
        last=-${w#"${w%?}"}
        [[ " $bx_valued " == *" $last "* ]] && bx_expect=$last
        ;;
      *)
        if ((bx_npos == 0)) && [[ " $bx_subs " == *" $w "* ]]; then
          bx_path=${bx_path:+$bx_path }$w
          __boxctl_cmd "$bx_path"
        else
          bx_npos=$((bx_npos + 1))
        fi
        ;;
    esac
  done
}

# Adds to bx_out each word of LIST, after PREFIX, that may replace CUR.
__boxctl_offer() {
  local cur=$1 prefix=$2 candidate
  for candidate in $3; do
    [[ $prefix$candidate == "$cur"* ]] && bx_out+=("$prefix$candidate")
  done
}

__boxctl_live() {
  "$bx_prog" "${bx_gflags[@]}" __complete "$1" 2>/dev/null
}

# The values of FLAG: its fixed words, live names, or paths (bx_files).
__boxctl_value() {
  local cur=$1 prefix=$2
  __boxctl_values "$bx_path" "$3"
  __boxctl_offer "$cur" "$prefix" "$bx_values"
  case $bx_kind in
    containers | images | volumes) __boxctl_offer "$cur" "$prefix" "$(__boxctl_live "$bx_kind")" ;;
    files | directories) bx_files=$bx_kind ;;
  esac
}

# After __boxctl_walk: bx_out, every word that may replace CUR, and bx_files, set to
# 'files' or 'directories' when the shell should offer paths as well.
__boxctl_candidates() {
  local cur=$1 k i
  bx_out=(); bx_files=''
  if [[ -n $bx_after ]] && ((bx_npos >= bx_after)); then
    bx_files=files
    return
  fi
  if [[ -n $bx_expect ]]; then
    __boxctl_value "$cur" '' "$bx_expect"
    return
  fi
  case $cur in
    --*=*) __boxctl_value "$cur" "${cur%%=*}=" "${cur%%=*}" ;;
    -*) __boxctl_offer "$cur" '' "$bx_flags" ;;
    *)
      if ((bx_npos == 0)) && [[ -n $bx_subs ]]; then
        __boxctl_offer "$cur" '' "$bx_subs"
        return
      fi
      i=0; bx_kind=''
      for k in $bx_pos; do
        if ((i == bx_npos)) || [[ $k == *'*' && $i -le $bx_npos ]]; then bx_kind=${k%'*'}; fi
        i=$((i + 1))
      done
      # '=' quoted: zsh takes a bare =WORD for the path of command WORD.
      case $bx_kind in
        '='*) __boxctl_offer "$cur" '' "${bx_kind//[=,]/ }" ;;
        containers | images | volumes) __boxctl_offer "$cur" '' "$(__boxctl_live "$bx_kind")" ;;
        files | directories) bx_files=$bx_kind ;;
      esac
      ;;
  esac
}

_boxctl() {
  local -
  set -f
  local bx_path bx_npos bx_expect bx_subs bx_flags bx_valued bx_pos bx_after bx_values bx_kind bx_files bx_prog cur pre
  local -a bx_gflags bx_out words
  # Words as typed, not as COMP_WORDS has them split at '=' and ':'.
  local line=${COMP_LINE:0:COMP_POINT}
  read -ra words <<<"$line"
  [[ $line == *[[:space:]] ]] && words+=('')
  ((${#words[@]} > 1)) || return 0
  cur=${words[${#words[@]} - 1]}
  bx_prog=${words[0]}
  __boxctl_walk "${words[@]:1:${#words[@]}-2}"
  __boxctl_candidates "$cur"
  # bash replaces only what follows the last '=' or ':' of the word (COMP_WORDBREAKS).
  pre=''
  [[ $cur == *[=:]* ]] && pre=${cur%"${cur##*[=:]}"}
  COMPREPLY=("${bx_out[@]#"$pre"}")
  case $bx_files in
    files) compopt -o default ;;
    directories) compopt -o dirnames ;;
  esac
}
complete -F _boxctl boxctl
