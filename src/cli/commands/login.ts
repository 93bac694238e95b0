// `boxctl login` and `boxctl logout`, as Podman's: the same flags, messages and auth
// files, so a login by either tool serves both.
import { UserError } from '../../errors.js';
import type { LoginKey, UserPassword } from '../../engine/image/login.js';
import type { Context } from '../context.js';
import type { CommandSpec } from '../spec.js';

const PASSWORD_WARNING = 'WARNING! Using --password via the cli is insecure. Please consider using --password-stdin';

function given(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The user name and password from the flags, stdin, or questions on the terminal. */
async function credentialsFor(ctx: Context, key: LoginKey, args: Readonly<Record<string, unknown>>, storedUser: string | undefined): Promise<UserPassword> {
  let username = given(args.username);
  let password = given(args.password);
  const stdin = process.stdin;
  const terminal = stdin.isTTY === true;
  const { ask, readAll } = await import('../ui/prompt.js');
  if (args['password-stdin']) {
    if (password !== undefined) throw new UserError('--password and --password-stdin both give the password: use one');
    if (username === undefined) throw new UserError('--password-stdin needs --username (-u): stdin holds only the password');
    password = await readAll(stdin);
  }
  if (username === undefined) {
    if (!terminal) throw new UserError(`no user name for ${key.key} and no terminal to ask on: pass --username (-u)`);
    const answer = (await ask(stdin, ctx.stderr, storedUser ? `Username (${storedUser}): ` : 'Username: ')).trim();
    username = answer || storedUser;
  }
  if (!username) throw new UserError(`no user name for ${key.key}: type one, or pass --username (-u)`);
  if (password === undefined) {
    if (!terminal) throw new UserError(`no password for ${key.key} and no terminal to ask on: pass --password-stdin (or --password)`);
    password = await ask(stdin, ctx.stderr, 'Password: ', { secret: true });
  }
  return { username, password };
}

export const login: CommandSpec = {
  name: 'login',
  summary: 'Log in to a registry',
  description:
    'Checks the user name and password with the registry, then stores them in ${XDG_RUNTIME_DIR}/containers/auth.json ' +
    '(or $REGISTRY_AUTH_FILE, or --authfile), readable by you only, or through the credential helper that file names ' +
    'for the registry (credHelpers, credsStore: docker-credential-NAME); pulls use them from then on. REGISTRY may name a ' +
    'namespace or repository (quay.io/team) to log in for that part of the registry only; without it, the first of ' +
    'unqualified-search-registries in registries.conf. Without -u or a password, boxctl asks on the terminal; scripts ' +
    'pass --password-stdin. Stored credentials that still work are reused.',
  examples: [
    { command: 'boxctl login quay.io', description: 'asks for the user name and password' },
    { command: 'echo "$TOKEN" | boxctl login -u bot --password-stdin ghcr.io', description: 'log in from a script' },
    { command: 'boxctl login --get-login quay.io', description: 'show who you are logged in as' },
  ],
  options: {
    username: { type: 'string', alias: 'u', description: 'the user name' },
    password: { type: 'string', alias: 'p', description: 'the password (visible to other users in ps: prefer --password-stdin)' },
    'password-stdin': { type: 'boolean', description: 'read the password from stdin', default: false },
    authfile: { type: 'string', description: 'the auth file to use (default ${XDG_RUNTIME_DIR}/containers/auth.json; env REGISTRY_AUTH_FILE)', complete: 'files' },
    'tls-verify': { type: 'boolean', description: 'require HTTPS and verify certificates (loopback registries may use HTTP)', default: true },
    'get-login': { type: 'boolean', description: 'print the user name stored for the registry', default: false },
  },
  positionals: [{ name: 'registry', description: 'the registry, or a namespace or repository in it (default: the first search registry)', required: false }],
  async run(ctx, args) {
    const { checkCredentials, loginKeyOrDefault, storedLogin, storeLogin } = await import('../../engine/image/login.js');
    const key = loginKeyOrDefault(given(args.registry));
    const authFile = given(args.authfile);
    const stored = await storedLogin(key, authFile);
    if (args['get-login']) {
      if (!stored?.credentials.username) throw new UserError(`not logged in to ${key.key}: run 'boxctl login ${key.key}'`);
      ctx.stdout.write(`${stored.credentials.username}\n`);
      return 0;
    }
    const storedCreds = stored?.credentials;
    if (given(args.password) !== undefined) ctx.stderr.write(`${PASSWORD_WARNING}\n`);
    const tls = args['tls-verify'] === false ? { tlsVerify: false } : {};
    const flagged = given(args.username) !== undefined || given(args.password) !== undefined || args['password-stdin'] === true;
    if (!flagged && storedCreds?.username && storedCreds.password) {
      ctx.stdout.write(`Authenticating with existing credentials for ${key.key}\n`);
      try {
        await checkCredentials(key, storedCreds, tls);
        ctx.stdout.write(`Existing credentials are valid. Already logged in to ${key.registry}\n`);
        return 0;
      } catch (e) {
        // Refused credentials are asked for anew; an unreachable registry is the answer.
        if (!(e instanceof UserError)) throw e;
        ctx.stdout.write('Existing credentials are invalid, please enter valid username and password\n');
      }
    }
    const creds = await credentialsFor(ctx, key, args, storedCreds?.username);
    await checkCredentials(key, creds, tls);
    await storeLogin(key, creds, authFile);
    ctx.stdout.write('Login Succeeded!\n');
    return 0;
  },
};

export const logout: CommandSpec = {
  name: 'logout',
  summary: 'Log out of a registry',
  description:
    'Removes the stored credentials for REGISTRY (exactly that key: quay.io/team is not quay.io; without it, the first of ' +
    'unqualified-search-registries in registries.conf) from the auth file login writes and from the credential helper it ' +
    'names for the registry, or every registry\'s with --all. Credentials kept by Docker in ~/.docker/config.json stay: ' +
    'log out with docker.',
  examples: [
    { command: 'boxctl logout quay.io', description: 'forget the login to quay.io' },
    { command: 'boxctl logout --all', description: 'forget every login in the auth file' },
  ],
  options: {
    authfile: { type: 'string', description: 'the auth file to use (default ${XDG_RUNTIME_DIR}/containers/auth.json; env REGISTRY_AUTH_FILE)', complete: 'files' },
    all: { type: 'boolean', alias: 'a', description: 'remove the credentials of every registry', default: false },
  },
  positionals: [{ name: 'registry', description: 'the registry, or the namespace or repository logged in to (default: the first search registry)', required: false }],
  async run(ctx, args) {
    const { loginKeyOrDefault, removeAllLogins, removeLogin } = await import('../../engine/image/login.js');
    const registry = given(args.registry);
    const authFile = given(args.authfile);
    if (args.all) {
      if (registry !== undefined) throw new UserError(`--all logs out of every registry: drop '${registry}', or drop --all`);
      await removeAllLogins(authFile);
      ctx.stdout.write('Removed login credentials for all registries\n');
      return 0;
    }
    const key = loginKeyOrDefault(registry);
    await removeLogin(key, authFile);
    ctx.stdout.write(`Removed login credentials for ${key.key}\n`);
    return 0;
  },
};
