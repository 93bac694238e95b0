// Whether a pid names a live process: signal 0 checks without touching it; EPERM
// means it lives but belongs to someone else.
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
