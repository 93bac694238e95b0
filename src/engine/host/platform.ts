// Node's names for CPU architectures differ from the OCI image spec's (GOARCH
// values); images, manifests and `info` all speak OCI.
const OCI_ARCH: Record<string, string> = {
  x64: 'amd64',
  ia32: '386',
  arm64: 'arm64',
  arm: 'arm',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  mips64el: 'mips64le',
};

export function ociArch(nodeArch: string): string {
  return OCI_ARCH[nodeArch] ?? nodeArch;
}
