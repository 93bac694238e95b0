# bash completion for boxctl.
# Generated from the command declarations (src/cli/commands) by `npm run gen`: do not edit.
# Load it with: source <(boxctl completion bash)

__boxctl_cmd() {
  case $1 in
    '') bx_subs='info run ps inspect create start stop kill restart rm wait logs exec attach pause unpause rename top stats port cp diff export commit container login logout pull images image rmi tag untag save load import volume system generate kube quadlet ui runtime unshare version completion'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'info') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos=''; bx_after='' ;;
    'run') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --sdnotify --cidfile --replace --interactive -i --tty -t --detach -d --rm --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile --detach-keys'; bx_pos='images'; bx_after='1' ;;
    'ps') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --quiet -q --format --filter -f --no-trunc --noheading -n --size -s --last --latest -l --help -h'; bx_valued='--root --runroot --log-level --format --filter -f --last'; bx_pos=''; bx_after='' ;;
    'inspect') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --type -t --help -h'; bx_valued='--root --runroot --log-level --format -f --type -t'; bx_pos='containers*'; bx_after='' ;;
    'create') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --sdnotify --cidfile --replace --interactive -i --tty -t --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile'; bx_pos='images'; bx_after='1' ;;
    'start') bx_subs=''; bx_flags='--root --runroot --log-level --attach -a --interactive -i --detach-keys --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers*'; bx_after='' ;;
    'stop') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --all -a --cidfile --ignore -i --help -h'; bx_valued='--root --runroot --log-level --time -t --cidfile'; bx_pos='containers*'; bx_after='' ;;
    'kill') bx_subs=''; bx_flags='--root --runroot --log-level --signal -s --help -h'; bx_valued='--root --runroot --log-level --signal -s'; bx_pos='containers*'; bx_after='' ;;
    'restart') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --help -h'; bx_valued='--root --runroot --log-level --time -t'; bx_pos='containers*'; bx_after='' ;;
    'rm') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --time -t --volumes -v --all -a --cidfile --ignore -i --help -h'; bx_valued='--root --runroot --log-level --time -t --cidfile'; bx_pos='containers*'; bx_after='' ;;
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
    'cp') bx_subs=''; bx_flags='--root --runroot --log-level --archive -a --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers+files containers+files'; bx_after='' ;;
    'diff') bx_subs=''; bx_flags='--root --runroot --log-level --format --help -h'; bx_valued='--root --runroot --log-level --format'; bx_pos='containers'; bx_after='' ;;
    'export') bx_subs=''; bx_flags='--root --runroot --log-level --output -o --help -h'; bx_valued='--root --runroot --log-level --output -o'; bx_pos='containers'; bx_after='' ;;
    'commit') bx_subs=''; bx_flags='--root --runroot --log-level --change -c --message -m --author -a --quiet -q --help -h'; bx_valued='--root --runroot --log-level --change -c --message -m --author -a'; bx_pos='- -'; bx_after='' ;;
    'container') bx_subs='attach cleanup commit cp create diff exec exists export inspect kill list logs ls pause port prune ps rename restart rm run start stats stop top unpause wait'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'container attach') bx_subs=''; bx_flags='--root --runroot --log-level --no-stdin --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers'; bx_after='' ;;
    'container cleanup') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers'; bx_after='' ;;
    'container commit') bx_subs=''; bx_flags='--root --runroot --log-level --change -c --message -m --author -a --quiet -q --help -h'; bx_valued='--root --runroot --log-level --change -c --message -m --author -a'; bx_pos='- -'; bx_after='' ;;
    'container cp') bx_subs=''; bx_flags='--root --runroot --log-level --archive -a --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers+files containers+files'; bx_after='' ;;
    'container create') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --sdnotify --cidfile --replace --interactive -i --tty -t --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile'; bx_pos='images'; bx_after='1' ;;
    'container diff') bx_subs=''; bx_flags='--root --runroot --log-level --format --help -h'; bx_valued='--root --runroot --log-level --format'; bx_pos='containers'; bx_after='' ;;
    'container exec') bx_subs=''; bx_flags='--root --runroot --log-level --interactive -i --tty -t --detach -d --env -e --env-file --user -u --workdir -w --help -h'; bx_valued='--root --runroot --log-level --env -e --env-file --user -u --workdir -w'; bx_pos='containers'; bx_after='1' ;;
    'container exists') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers'; bx_after='' ;;
    'container export') bx_subs=''; bx_flags='--root --runroot --log-level --output -o --help -h'; bx_valued='--root --runroot --log-level --output -o'; bx_pos='containers'; bx_after='' ;;
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
    'container rm') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --time -t --volumes -v --all -a --cidfile --ignore -i --help -h'; bx_valued='--root --runroot --log-level --time -t --cidfile'; bx_pos='containers*'; bx_after='' ;;
    'container run') bx_subs=''; bx_flags='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --read-only --hostname --label -l --init --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --publish-all -P --dns --dns-search --dns-option --add-host --no-hosts --sdnotify --cidfile --replace --interactive -i --tty -t --detach -d --rm --detach-keys --sig-proxy --help -h'; bx_valued='--root --runroot --log-level --name --env -e --env-file --workdir -w --user -u --entrypoint --volume -v --mount --tmpfs --hostname --label -l --userns --cap-add --cap-drop --security-opt --pull --restart --memory -m --cpus --pids-limit --stop-signal --stop-timeout --health-cmd --health-interval --health-timeout --health-retries --health-start-period --health-on-failure --log-opt --network --net --publish -p --dns --dns-search --dns-option --add-host --sdnotify --cidfile --detach-keys'; bx_pos='images'; bx_after='1' ;;
    'container start') bx_subs=''; bx_flags='--root --runroot --log-level --attach -a --interactive -i --detach-keys --help -h'; bx_valued='--root --runroot --log-level --detach-keys'; bx_pos='containers*'; bx_after='' ;;
    'container stats') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --format --interval -i --no-stream --no-reset --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format --interval -i'; bx_pos='-*'; bx_after='' ;;
    'container stop') bx_subs=''; bx_flags='--root --runroot --log-level --time -t --all -a --cidfile --ignore -i --help -h'; bx_valued='--root --runroot --log-level --time -t --cidfile'; bx_pos='containers*'; bx_after='' ;;
    'container top') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='-'; bx_after='1' ;;
    'container unpause') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'container wait') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='containers*'; bx_after='' ;;
    'login') bx_subs=''; bx_flags='--root --runroot --log-level --username -u --password -p --password-stdin --authfile --tls-verify --get-login --help -h'; bx_valued='--root --runroot --log-level --username -u --password -p --authfile'; bx_pos='-'; bx_after='' ;;
    'logout') bx_subs=''; bx_flags='--root --runroot --log-level --authfile --all -a --help -h'; bx_valued='--root --runroot --log-level --authfile'; bx_pos='-'; bx_after='' ;;
    'pull') bx_subs=''; bx_flags='--root --runroot --log-level --platform --os --arch --variant --tls-verify --quiet -q --help -h'; bx_valued='--root --runroot --log-level --platform --os --arch --variant'; bx_pos='-'; bx_after='' ;;
    'images') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --quiet -q --noheading -n --digests --filter --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format -f --filter'; bx_pos=''; bx_after='' ;;
    'image') bx_subs='ls list inspect exists history prune'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'image ls') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --quiet -q --noheading -n --digests --filter --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format -f --filter'; bx_pos=''; bx_after='' ;;
    'image list') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --quiet -q --noheading -n --digests --filter --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format -f --filter'; bx_pos=''; bx_after='' ;;
    'image inspect') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos='images*'; bx_after='' ;;
    'image exists') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='images'; bx_after='' ;;
    'image history') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --no-trunc --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos='images'; bx_after='' ;;
    'image prune') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'rmi') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='images*'; bx_after='' ;;
    'tag') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -*'; bx_after='' ;;
    'untag') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='- -*'; bx_after='' ;;
    'save') bx_subs=''; bx_flags='--root --runroot --log-level --output -o --format --quiet -q --help -h'; bx_valued='--root --runroot --log-level --output -o --format'; bx_pos='images*'; bx_after='' ;;
    'load') bx_subs=''; bx_flags='--root --runroot --log-level --input -i --quiet -q --help -h'; bx_valued='--root --runroot --log-level --input -i'; bx_pos=''; bx_after='' ;;
    'import') bx_subs=''; bx_flags='--root --runroot --log-level --message -m --quiet -q --help -h'; bx_valued='--root --runroot --log-level --message -m'; bx_pos='files -'; bx_after='' ;;
    'volume') bx_subs='create ls list inspect rm prune exists'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'volume create') bx_subs=''; bx_flags='--root --runroot --log-level --label -l --opt -o --driver -d --ignore --help -h'; bx_valued='--root --runroot --log-level --label -l --opt -o --driver -d'; bx_pos='-'; bx_after='' ;;
    'volume ls') bx_subs=''; bx_flags='--root --runroot --log-level --quiet -q --format --noheading -n --filter -f --help -h'; bx_valued='--root --runroot --log-level --format --filter -f'; bx_pos=''; bx_after='' ;;
    'volume list') bx_subs=''; bx_flags='--root --runroot --log-level --quiet -q --format --noheading -n --filter -f --help -h'; bx_valued='--root --runroot --log-level --format --filter -f'; bx_pos=''; bx_after='' ;;
    'volume inspect') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos='volumes*'; bx_after='' ;;
    'volume rm') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='volumes*'; bx_after='' ;;
    'volume prune') bx_subs=''; bx_flags='--root --runroot --log-level --force -f --filter --help -h'; bx_valued='--root --runroot --log-level --filter'; bx_pos=''; bx_after='' ;;
    'volume exists') bx_subs=''; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='volumes'; bx_after='' ;;
    'system') bx_subs='df prune info'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'system df') bx_subs=''; bx_flags='--root --runroot --log-level --verbose -v --format --help -h'; bx_valued='--root --runroot --log-level --format'; bx_pos=''; bx_after='' ;;
    'system prune') bx_subs=''; bx_flags='--root --runroot --log-level --all -a --volumes --force -f --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'system info') bx_subs=''; bx_flags='--root --runroot --log-level --format -f --help -h'; bx_valued='--root --runroot --log-level --format -f'; bx_pos=''; bx_after='' ;;
    'generate') bx_subs='systemd kube'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'generate systemd') bx_subs=''; bx_flags='--root --runroot --log-level --new --name -n --files -f --install --restart-policy --stop-timeout -t --container-prefix --separator --no-header --format --help -h'; bx_valued='--root --runroot --log-level --restart-policy --stop-timeout -t --container-prefix --separator --format'; bx_pos='containers'; bx_after='' ;;
    'generate kube') bx_subs=''; bx_flags='--root --runroot --log-level --filename -f --service -s --help -h'; bx_valued='--root --runroot --log-level --filename -f'; bx_pos='containers*'; bx_after='' ;;
    'kube') bx_subs='play down'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'kube play') bx_subs=''; bx_flags='--root --runroot --log-level --validate --replace --start --help -h'; bx_valued='--root --runroot --log-level --validate'; bx_pos='files'; bx_after='' ;;
    'kube down') bx_subs=''; bx_flags='--root --runroot --log-level --force --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='files'; bx_after='' ;;
    'quadlet') bx_subs='generate'; bx_flags='--root --runroot --log-level --help -h'; bx_valued='--root --runroot --log-level'; bx_pos=''; bx_after='' ;;
    'quadlet generate') bx_subs=''; bx_flags='--root --runroot --log-level --dry-run --help -h'; bx_valued='--root --runroot --log-level'; bx_pos='directories directories directories'; bx_after='' ;;
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
    '|--root') bx_values=''; bx_kind='directories' ;;
    '|--runroot') bx_values=''; bx_kind='directories' ;;
    '|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'info|--root') bx_values=''; bx_kind='directories' ;;
    'info|--runroot') bx_values=''; bx_kind='directories' ;;
    'info|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'info|--format'|'info|-f') bx_values='json'; bx_kind='' ;;
    'run|--root') bx_values=''; bx_kind='directories' ;;
    'run|--runroot') bx_values=''; bx_kind='directories' ;;
    'run|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'run|--env-file') bx_values=''; bx_kind='files' ;;
    'run|--volume'|'run|-v') bx_values=''; bx_kind='volumes files' ;;
    'run|--userns') bx_values='keep-id'; bx_kind='' ;;
    'run|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'run|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'run|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'run|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'run|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'run|--sdnotify') bx_values='conmon container ignore'; bx_kind='' ;;
    'run|--cidfile') bx_values=''; bx_kind='files' ;;
    'ps|--root') bx_values=''; bx_kind='directories' ;;
    'ps|--runroot') bx_values=''; bx_kind='directories' ;;
    'ps|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'ps|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'inspect|--root') bx_values=''; bx_kind='directories' ;;
    'inspect|--runroot') bx_values=''; bx_kind='directories' ;;
    'inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'inspect|--format'|'inspect|-f') bx_values='json table {{.Id}} {{.ID}} {{.Created}} {{.Path}} {{.Args}} {{.State}} {{.Image}} {{.ImageName}} {{.Rootfs}} {{.Pod}} {{.StaticDir}} {{.OCIConfigPath}} {{.Name}} {{.RestartCount}} {{.Driver}} {{.MountLabel}} {{.ProcessLabel}} {{.AppArmorProfile}} {{.ExecIDs}} {{.Mounts}} {{.Dependencies}} {{.Namespace}} {{.IsInfra}} {{.IsService}} {{.Config}} {{.HostConfig}} {{.NetworkSettings}}'; bx_kind='' ;;
    'inspect|--type'|'inspect|-t') bx_values='all container image'; bx_kind='' ;;
    'create|--root') bx_values=''; bx_kind='directories' ;;
    'create|--runroot') bx_values=''; bx_kind='directories' ;;
    'create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'create|--env-file') bx_values=''; bx_kind='files' ;;
    'create|--volume'|'create|-v') bx_values=''; bx_kind='volumes files' ;;
    'create|--userns') bx_values='keep-id'; bx_kind='' ;;
    'create|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'create|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'create|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'create|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'create|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'create|--sdnotify') bx_values='conmon container ignore'; bx_kind='' ;;
    'create|--cidfile') bx_values=''; bx_kind='files' ;;
    'start|--root') bx_values=''; bx_kind='directories' ;;
    'start|--runroot') bx_values=''; bx_kind='directories' ;;
    'start|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stop|--root') bx_values=''; bx_kind='directories' ;;
    'stop|--runroot') bx_values=''; bx_kind='directories' ;;
    'stop|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stop|--cidfile') bx_values=''; bx_kind='files' ;;
    'kill|--root') bx_values=''; bx_kind='directories' ;;
    'kill|--runroot') bx_values=''; bx_kind='directories' ;;
    'kill|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'restart|--root') bx_values=''; bx_kind='directories' ;;
    'restart|--runroot') bx_values=''; bx_kind='directories' ;;
    'restart|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rm|--root') bx_values=''; bx_kind='directories' ;;
    'rm|--runroot') bx_values=''; bx_kind='directories' ;;
    'rm|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rm|--cidfile') bx_values=''; bx_kind='files' ;;
    'wait|--root') bx_values=''; bx_kind='directories' ;;
    'wait|--runroot') bx_values=''; bx_kind='directories' ;;
    'wait|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'logs|--root') bx_values=''; bx_kind='directories' ;;
    'logs|--runroot') bx_values=''; bx_kind='directories' ;;
    'logs|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'exec|--root') bx_values=''; bx_kind='directories' ;;
    'exec|--runroot') bx_values=''; bx_kind='directories' ;;
    'exec|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'exec|--env-file') bx_values=''; bx_kind='files' ;;
    'attach|--root') bx_values=''; bx_kind='directories' ;;
    'attach|--runroot') bx_values=''; bx_kind='directories' ;;
    'attach|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'pause|--root') bx_values=''; bx_kind='directories' ;;
    'pause|--runroot') bx_values=''; bx_kind='directories' ;;
    'pause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'unpause|--root') bx_values=''; bx_kind='directories' ;;
    'unpause|--runroot') bx_values=''; bx_kind='directories' ;;
    'unpause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rename|--root') bx_values=''; bx_kind='directories' ;;
    'rename|--runroot') bx_values=''; bx_kind='directories' ;;
    'rename|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'top|--root') bx_values=''; bx_kind='directories' ;;
    'top|--runroot') bx_values=''; bx_kind='directories' ;;
    'top|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stats|--root') bx_values=''; bx_kind='directories' ;;
    'stats|--runroot') bx_values=''; bx_kind='directories' ;;
    'stats|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'stats|--format') bx_values='json table {{.ID}} {{.Name}} {{.CPUPerc}} {{.AVGCPU}} {{.MemUsage}} {{.MemUsageBytes}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDS}} {{.UpTime}} {{.Up}} {{.ContainerID}} {{.CPU}} {{.AvgCPU}} {{.CPUNano}} {{.MemLimit}} {{.NetInput}} {{.NetOutput}} {{.BlockInput}} {{.BlockOutput}} {{.PIDs}} {{.Duration}}'; bx_kind='' ;;
    'port|--root') bx_values=''; bx_kind='directories' ;;
    'port|--runroot') bx_values=''; bx_kind='directories' ;;
    'port|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'cp|--root') bx_values=''; bx_kind='directories' ;;
    'cp|--runroot') bx_values=''; bx_kind='directories' ;;
    'cp|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'diff|--root') bx_values=''; bx_kind='directories' ;;
    'diff|--runroot') bx_values=''; bx_kind='directories' ;;
    'diff|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'diff|--format') bx_values='json'; bx_kind='' ;;
    'export|--root') bx_values=''; bx_kind='directories' ;;
    'export|--runroot') bx_values=''; bx_kind='directories' ;;
    'export|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'export|--output'|'export|-o') bx_values=''; bx_kind='files' ;;
    'commit|--root') bx_values=''; bx_kind='directories' ;;
    'commit|--runroot') bx_values=''; bx_kind='directories' ;;
    'commit|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container|--root') bx_values=''; bx_kind='directories' ;;
    'container|--runroot') bx_values=''; bx_kind='directories' ;;
    'container|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container attach|--root') bx_values=''; bx_kind='directories' ;;
    'container attach|--runroot') bx_values=''; bx_kind='directories' ;;
    'container attach|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container cleanup|--root') bx_values=''; bx_kind='directories' ;;
    'container cleanup|--runroot') bx_values=''; bx_kind='directories' ;;
    'container cleanup|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container commit|--root') bx_values=''; bx_kind='directories' ;;
    'container commit|--runroot') bx_values=''; bx_kind='directories' ;;
    'container commit|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container cp|--root') bx_values=''; bx_kind='directories' ;;
    'container cp|--runroot') bx_values=''; bx_kind='directories' ;;
    'container cp|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container create|--root') bx_values=''; bx_kind='directories' ;;
    'container create|--runroot') bx_values=''; bx_kind='directories' ;;
    'container create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container create|--env-file') bx_values=''; bx_kind='files' ;;
    'container create|--volume'|'container create|-v') bx_values=''; bx_kind='volumes files' ;;
    'container create|--userns') bx_values='keep-id'; bx_kind='' ;;
    'container create|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'container create|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'container create|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'container create|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container create|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container create|--sdnotify') bx_values='conmon container ignore'; bx_kind='' ;;
    'container create|--cidfile') bx_values=''; bx_kind='files' ;;
    'container diff|--root') bx_values=''; bx_kind='directories' ;;
    'container diff|--runroot') bx_values=''; bx_kind='directories' ;;
    'container diff|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container diff|--format') bx_values='json'; bx_kind='' ;;
    'container exec|--root') bx_values=''; bx_kind='directories' ;;
    'container exec|--runroot') bx_values=''; bx_kind='directories' ;;
    'container exec|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container exec|--env-file') bx_values=''; bx_kind='files' ;;
    'container exists|--root') bx_values=''; bx_kind='directories' ;;
    'container exists|--runroot') bx_values=''; bx_kind='directories' ;;
    'container exists|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container export|--root') bx_values=''; bx_kind='directories' ;;
    'container export|--runroot') bx_values=''; bx_kind='directories' ;;
    'container export|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container export|--output'|'container export|-o') bx_values=''; bx_kind='files' ;;
    'container inspect|--root') bx_values=''; bx_kind='directories' ;;
    'container inspect|--runroot') bx_values=''; bx_kind='directories' ;;
    'container inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container inspect|--format'|'container inspect|-f') bx_values='json table {{.Id}} {{.ID}} {{.Created}} {{.Path}} {{.Args}} {{.State}} {{.Image}} {{.ImageName}} {{.Rootfs}} {{.Pod}} {{.StaticDir}} {{.OCIConfigPath}} {{.Name}} {{.RestartCount}} {{.Driver}} {{.MountLabel}} {{.ProcessLabel}} {{.AppArmorProfile}} {{.ExecIDs}} {{.Mounts}} {{.Dependencies}} {{.Namespace}} {{.IsInfra}} {{.IsService}} {{.Config}} {{.HostConfig}} {{.NetworkSettings}}'; bx_kind='' ;;
    'container inspect|--type'|'container inspect|-t') bx_values='all container image'; bx_kind='' ;;
    'container kill|--root') bx_values=''; bx_kind='directories' ;;
    'container kill|--runroot') bx_values=''; bx_kind='directories' ;;
    'container kill|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container list|--root') bx_values=''; bx_kind='directories' ;;
    'container list|--runroot') bx_values=''; bx_kind='directories' ;;
    'container list|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container list|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'container logs|--root') bx_values=''; bx_kind='directories' ;;
    'container logs|--runroot') bx_values=''; bx_kind='directories' ;;
    'container logs|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ls|--root') bx_values=''; bx_kind='directories' ;;
    'container ls|--runroot') bx_values=''; bx_kind='directories' ;;
    'container ls|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ls|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'container pause|--root') bx_values=''; bx_kind='directories' ;;
    'container pause|--runroot') bx_values=''; bx_kind='directories' ;;
    'container pause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container port|--root') bx_values=''; bx_kind='directories' ;;
    'container port|--runroot') bx_values=''; bx_kind='directories' ;;
    'container port|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container prune|--root') bx_values=''; bx_kind='directories' ;;
    'container prune|--runroot') bx_values=''; bx_kind='directories' ;;
    'container prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ps|--root') bx_values=''; bx_kind='directories' ;;
    'container ps|--runroot') bx_values=''; bx_kind='directories' ;;
    'container ps|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container ps|--format') bx_values='json table {{.AutoRemove}} {{.Command}} {{.Created}} {{.CreatedAt}} {{.CreatedHuman}} {{.ExitCode}} {{.Exited}} {{.ExitedAt}} {{.ID}} {{.Image}} {{.ImageID}} {{.Label}} {{.Labels}} {{.Mounts}} {{.Names}} {{.Networks}} {{.Pid}} {{.Pod}} {{.PodName}} {{.Ports}} {{.Restarts}} {{.RunningFor}} {{.Size}} {{.StartedAt}} {{.State}} {{.Status}}'; bx_kind='' ;;
    'container rename|--root') bx_values=''; bx_kind='directories' ;;
    'container rename|--runroot') bx_values=''; bx_kind='directories' ;;
    'container rename|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container restart|--root') bx_values=''; bx_kind='directories' ;;
    'container restart|--runroot') bx_values=''; bx_kind='directories' ;;
    'container restart|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container rm|--root') bx_values=''; bx_kind='directories' ;;
    'container rm|--runroot') bx_values=''; bx_kind='directories' ;;
    'container rm|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container rm|--cidfile') bx_values=''; bx_kind='files' ;;
    'container run|--root') bx_values=''; bx_kind='directories' ;;
    'container run|--runroot') bx_values=''; bx_kind='directories' ;;
    'container run|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container run|--env-file') bx_values=''; bx_kind='files' ;;
    'container run|--volume'|'container run|-v') bx_values=''; bx_kind='volumes files' ;;
    'container run|--userns') bx_values='keep-id'; bx_kind='' ;;
    'container run|--pull') bx_values='always missing never newer'; bx_kind='' ;;
    'container run|--restart') bx_values='no on-failure always unless-stopped'; bx_kind='' ;;
    'container run|--health-on-failure') bx_values='none kill restart stop'; bx_kind='' ;;
    'container run|--network') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container run|--net') bx_values='pasta slirp4netns none host private ns: container:'; bx_kind='' ;;
    'container run|--sdnotify') bx_values='conmon container ignore'; bx_kind='' ;;
    'container run|--cidfile') bx_values=''; bx_kind='files' ;;
    'container start|--root') bx_values=''; bx_kind='directories' ;;
    'container start|--runroot') bx_values=''; bx_kind='directories' ;;
    'container start|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container stats|--root') bx_values=''; bx_kind='directories' ;;
    'container stats|--runroot') bx_values=''; bx_kind='directories' ;;
    'container stats|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container stats|--format') bx_values='json table {{.ID}} {{.Name}} {{.CPUPerc}} {{.AVGCPU}} {{.MemUsage}} {{.MemUsageBytes}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDS}} {{.UpTime}} {{.Up}} {{.ContainerID}} {{.CPU}} {{.AvgCPU}} {{.CPUNano}} {{.MemLimit}} {{.NetInput}} {{.NetOutput}} {{.BlockInput}} {{.BlockOutput}} {{.PIDs}} {{.Duration}}'; bx_kind='' ;;
    'container stop|--root') bx_values=''; bx_kind='directories' ;;
    'container stop|--runroot') bx_values=''; bx_kind='directories' ;;
    'container stop|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container stop|--cidfile') bx_values=''; bx_kind='files' ;;
    'container top|--root') bx_values=''; bx_kind='directories' ;;
    'container top|--runroot') bx_values=''; bx_kind='directories' ;;
    'container top|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container unpause|--root') bx_values=''; bx_kind='directories' ;;
    'container unpause|--runroot') bx_values=''; bx_kind='directories' ;;
    'container unpause|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'container wait|--root') bx_values=''; bx_kind='directories' ;;
    'container wait|--runroot') bx_values=''; bx_kind='directories' ;;
    'container wait|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'login|--root') bx_values=''; bx_kind='directories' ;;
    'login|--runroot') bx_values=''; bx_kind='directories' ;;
    'login|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'login|--authfile') bx_values=''; bx_kind='files' ;;
    'logout|--root') bx_values=''; bx_kind='directories' ;;
    'logout|--runroot') bx_values=''; bx_kind='directories' ;;
    'logout|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'logout|--authfile') bx_values=''; bx_kind='files' ;;
    'pull|--root') bx_values=''; bx_kind='directories' ;;
    'pull|--runroot') bx_values=''; bx_kind='directories' ;;
    'pull|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'images|--root') bx_values=''; bx_kind='directories' ;;
    'images|--runroot') bx_values=''; bx_kind='directories' ;;
    'images|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'images|--format'|'images|-f') bx_values='json table {{.ID}} {{.Repository}} {{.Tag}} {{.Digest}} {{.Names}} {{.Created}} {{.CreatedAt}} {{.CreatedSince}} {{.CreatedTime}} {{.Size}} {{.VirtualSize}} {{.Dangling}} {{.ReadOnly}} {{.IsReadOnly}} {{.Labels}}'; bx_kind='' ;;
    'image|--root') bx_values=''; bx_kind='directories' ;;
    'image|--runroot') bx_values=''; bx_kind='directories' ;;
    'image|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image ls|--root') bx_values=''; bx_kind='directories' ;;
    'image ls|--runroot') bx_values=''; bx_kind='directories' ;;
    'image ls|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image ls|--format'|'image ls|-f') bx_values='json table {{.ID}} {{.Repository}} {{.Tag}} {{.Digest}} {{.Names}} {{.Created}} {{.CreatedAt}} {{.CreatedSince}} {{.CreatedTime}} {{.Size}} {{.VirtualSize}} {{.Dangling}} {{.ReadOnly}} {{.IsReadOnly}} {{.Labels}}'; bx_kind='' ;;
    'image list|--root') bx_values=''; bx_kind='directories' ;;
    'image list|--runroot') bx_values=''; bx_kind='directories' ;;
    'image list|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image list|--format'|'image list|-f') bx_values='json table {{.ID}} {{.Repository}} {{.Tag}} {{.Digest}} {{.Names}} {{.Created}} {{.CreatedAt}} {{.CreatedSince}} {{.CreatedTime}} {{.Size}} {{.VirtualSize}} {{.Dangling}} {{.ReadOnly}} {{.IsReadOnly}} {{.Labels}}'; bx_kind='' ;;
    'image inspect|--root') bx_values=''; bx_kind='directories' ;;
    'image inspect|--runroot') bx_values=''; bx_kind='directories' ;;
    'image inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image inspect|--format'|'image inspect|-f') bx_values='json table {{.Id}} {{.Digest}} {{.RepoTags}} {{.RepoDigests}} {{.Created}} {{.Architecture}} {{.Os}} {{.Size}} {{.Config}} {{.RootFS}} {{.History}} {{.SingleIdMode}} {{.ID}}'; bx_kind='' ;;
    'image exists|--root') bx_values=''; bx_kind='directories' ;;
    'image exists|--runroot') bx_values=''; bx_kind='directories' ;;
    'image exists|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image history|--root') bx_values=''; bx_kind='directories' ;;
    'image history|--runroot') bx_values=''; bx_kind='directories' ;;
    'image history|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'image history|--format'|'image history|-f') bx_values='json table {{.ID}} {{.Created}} {{.CreatedAt}} {{.CreatedSince}} {{.CreatedBy}} {{.Comment}} {{.Tags}} {{.EmptyLayer}}'; bx_kind='' ;;
    'image prune|--root') bx_values=''; bx_kind='directories' ;;
    'image prune|--runroot') bx_values=''; bx_kind='directories' ;;
    'image prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'rmi|--root') bx_values=''; bx_kind='directories' ;;
    'rmi|--runroot') bx_values=''; bx_kind='directories' ;;
    'rmi|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'tag|--root') bx_values=''; bx_kind='directories' ;;
    'tag|--runroot') bx_values=''; bx_kind='directories' ;;
    'tag|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'untag|--root') bx_values=''; bx_kind='directories' ;;
    'untag|--runroot') bx_values=''; bx_kind='directories' ;;
    'untag|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'save|--root') bx_values=''; bx_kind='directories' ;;
    'save|--runroot') bx_values=''; bx_kind='directories' ;;
    'save|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'save|--output'|'save|-o') bx_values=''; bx_kind='files' ;;
    'save|--format') bx_values='docker-archive oci-archive'; bx_kind='' ;;
    'load|--root') bx_values=''; bx_kind='directories' ;;
    'load|--runroot') bx_values=''; bx_kind='directories' ;;
    'load|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'load|--input'|'load|-i') bx_values=''; bx_kind='files' ;;
    'import|--root') bx_values=''; bx_kind='directories' ;;
    'import|--runroot') bx_values=''; bx_kind='directories' ;;
    'import|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume|--root') bx_values=''; bx_kind='directories' ;;
    'volume|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume create|--root') bx_values=''; bx_kind='directories' ;;
    'volume create|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume ls|--root') bx_values=''; bx_kind='directories' ;;
    'volume ls|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume ls|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume ls|--format') bx_values='json table {{.Name}} {{.Driver}} {{.Mountpoint}} {{.CreatedAt}} {{.Labels}} {{.Scope}} {{.Options}} {{.Anonymous}}'; bx_kind='' ;;
    'volume list|--root') bx_values=''; bx_kind='directories' ;;
    'volume list|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume list|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume list|--format') bx_values='json table {{.Name}} {{.Driver}} {{.Mountpoint}} {{.CreatedAt}} {{.Labels}} {{.Scope}} {{.Options}} {{.Anonymous}}'; bx_kind='' ;;
    'volume inspect|--root') bx_values=''; bx_kind='directories' ;;
    'volume inspect|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume inspect|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume inspect|--format'|'volume inspect|-f') bx_values='json table {{.Name}} {{.Driver}} {{.Mountpoint}} {{.CreatedAt}} {{.Labels}} {{.Scope}} {{.Options}} {{.Anonymous}}'; bx_kind='' ;;
    'volume rm|--root') bx_values=''; bx_kind='directories' ;;
    'volume rm|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume rm|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume prune|--root') bx_values=''; bx_kind='directories' ;;
    'volume prune|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'volume exists|--root') bx_values=''; bx_kind='directories' ;;
    'volume exists|--runroot') bx_values=''; bx_kind='directories' ;;
    'volume exists|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system|--root') bx_values=''; bx_kind='directories' ;;
    'system|--runroot') bx_values=''; bx_kind='directories' ;;
    'system|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system df|--root') bx_values=''; bx_kind='directories' ;;
    'system df|--runroot') bx_values=''; bx_kind='directories' ;;
    'system df|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system df|--format') bx_values='json table {{.Type}} {{.Total}} {{.Active}} {{.Size}} {{.Reclaimable}} {{.RawSize}} {{.RawReclaimable}}'; bx_kind='' ;;
    'system prune|--root') bx_values=''; bx_kind='directories' ;;
    'system prune|--runroot') bx_values=''; bx_kind='directories' ;;
    'system prune|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system info|--root') bx_values=''; bx_kind='directories' ;;
    'system info|--runroot') bx_values=''; bx_kind='directories' ;;
    'system info|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'system info|--format'|'system info|-f') bx_values='json'; bx_kind='' ;;
    'generate|--root') bx_values=''; bx_kind='directories' ;;
    'generate|--runroot') bx_values=''; bx_kind='directories' ;;
    'generate|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'generate systemd|--root') bx_values=''; bx_kind='directories' ;;
    'generate systemd|--runroot') bx_values=''; bx_kind='directories' ;;
    'generate systemd|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'generate systemd|--restart-policy') bx_values='no on-success on-failure on-abnormal on-watchdog on-abort always'; bx_kind='' ;;
    'generate systemd|--format') bx_values='json'; bx_kind='' ;;
    'generate kube|--root') bx_values=''; bx_kind='directories' ;;
    'generate kube|--runroot') bx_values=''; bx_kind='directories' ;;
    'generate kube|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'generate kube|--filename'|'generate kube|-f') bx_values=''; bx_kind='files' ;;
    'kube|--root') bx_values=''; bx_kind='directories' ;;
    'kube|--runroot') bx_values=''; bx_kind='directories' ;;
    'kube|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'kube play|--root') bx_values=''; bx_kind='directories' ;;
    'kube play|--runroot') bx_values=''; bx_kind='directories' ;;
    'kube play|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'kube play|--validate') bx_values='warn strict'; bx_kind='' ;;
    'kube down|--root') bx_values=''; bx_kind='directories' ;;
    'kube down|--runroot') bx_values=''; bx_kind='directories' ;;
    'kube down|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'quadlet|--root') bx_values=''; bx_kind='directories' ;;
    'quadlet|--runroot') bx_values=''; bx_kind='directories' ;;
    'quadlet|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'quadlet generate|--root') bx_values=''; bx_kind='directories' ;;
    'quadlet generate|--runroot') bx_values=''; bx_kind='directories' ;;
    'quadlet generate|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'ui|--root') bx_values=''; bx_kind='directories' ;;
    'ui|--runroot') bx_values=''; bx_kind='directories' ;;
    'ui|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime|--root') bx_values=''; bx_kind='directories' ;;
    'runtime|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime create|--root') bx_values=''; bx_kind='directories' ;;
    'runtime create|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime create|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime create|--bundle'|'runtime create|-b') bx_values=''; bx_kind='directories' ;;
    'runtime create|--console-socket') bx_values=''; bx_kind='files' ;;
    'runtime create|--pid-file') bx_values=''; bx_kind='files' ;;
    'runtime start|--root') bx_values=''; bx_kind='directories' ;;
    'runtime start|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime start|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime run|--root') bx_values=''; bx_kind='directories' ;;
    'runtime run|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime run|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime run|--bundle'|'runtime run|-b') bx_values=''; bx_kind='directories' ;;
    'runtime run|--console-socket') bx_values=''; bx_kind='files' ;;
    'runtime run|--pid-file') bx_values=''; bx_kind='files' ;;
    'runtime state|--root') bx_values=''; bx_kind='directories' ;;
    'runtime state|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime state|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime kill|--root') bx_values=''; bx_kind='directories' ;;
    'runtime kill|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime kill|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime delete|--root') bx_values=''; bx_kind='directories' ;;
    'runtime delete|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime delete|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime list|--root') bx_values=''; bx_kind='directories' ;;
    'runtime list|--runroot') bx_values=''; bx_kind='directories' ;;
    'runtime list|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'runtime list|--format'|'runtime list|-f') bx_values='json table {{.ID}} {{.PID}} {{.Status}} {{.Bundle}} {{.Rootfs}} {{.Created}} {{.Owner}} {{.Annotations}}'; bx_kind='' ;;
    'unshare|--root') bx_values=''; bx_kind='directories' ;;
    'unshare|--runroot') bx_values=''; bx_kind='directories' ;;
    'unshare|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'version|--root') bx_values=''; bx_kind='directories' ;;
    'version|--runroot') bx_values=''; bx_kind='directories' ;;
    'version|--log-level') bx_values='debug info warn error'; bx_kind='' ;;
    'version|--format'|'version|-f') bx_values='json table {{.Client}}'; bx_kind='' ;;
    'completion|--root') bx_values=''; bx_kind='directories' ;;
    'completion|--runroot') bx_values=''; bx_kind='directories' ;;
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

# What each of KINDS (words) stands for: live names to offer, or paths (bx_files).
__boxctl_kinds() {
  local cur=$1 prefix=$2 k
  for k in $3; do
    case $k in
      containers | images | volumes) __boxctl_offer "$cur" "$prefix" "$(__boxctl_live "$k")" ;;
      files | directories) bx_files=$k ;;
    esac
  done
}

# The values of FLAG: its fixed words, live names, paths, or names and paths (-v).
__boxctl_value() {
  local cur=$1 prefix=$2
  __boxctl_values "$bx_path" "$3"
  __boxctl_offer "$cur" "$prefix" "$bx_values"
  __boxctl_kinds "$cur" "$prefix" "$bx_kind"
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
        *) __boxctl_kinds "$cur" '' "${bx_kind//+/ }" ;;
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
