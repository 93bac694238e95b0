// The Kubernetes objects boxctl writes and reads (docs/kube.md lists every field),
// typed as far as boxctl uses them: a Pod (v1), a Service (v1) for `generate kube
// --service`, and the findings both directions report. Field names are the API's.

/** The label `kube play` puts on every container it creates: the pod it belongs to. */
export const POD_LABEL = 'io.boxctl.kube.pod';

/** Podman's annotations for what a Pod has no field for; boxctl writes and reads the same keys. */
export const INIT_ANNOTATION = 'io.podman.annotations.init';
export const USERNS_ANNOTATION = 'io.podman.annotations.userns';

export interface EnvVar {
  name: string;
  value?: string;
}

export interface ContainerPort {
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  /** TCP is the default and left out, as Podman writes it. */
  protocol?: 'UDP';
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface Probe {
  exec: { command: string[] };
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
}

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  capabilities?: { add?: string[]; drop?: string[] };
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  seccompProfile?: { type: 'Unconfined' };
}

export interface KubeContainer {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  ports?: ContainerPort[];
  volumeMounts?: VolumeMount[];
  resources?: { limits: { memory?: string; cpu?: string } };
  securityContext?: SecurityContext;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  workingDir?: string;
  tty?: boolean;
  stdin?: boolean;
}

export type HostPathType = 'Directory' | 'File' | 'DirectoryOrCreate';

export interface KubeVolume {
  name: string;
  hostPath?: { path: string; type: HostPathType };
  persistentVolumeClaim?: { claimName: string };
  emptyDir?: { medium?: 'Memory'; sizeLimit?: string };
}

export interface PodSpec {
  containers: KubeContainer[];
  volumes?: KubeVolume[];
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  hostname?: string;
  hostNetwork?: boolean;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
  hostAliases?: { ip: string; hostnames: string[] }[];
  terminationGracePeriodSeconds?: number;
}

export interface Metadata {
  name: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: Metadata;
  spec: PodSpec;
}

export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: Metadata;
  spec: {
    ports: { name: string; port: number; targetPort: number; nodePort: number; protocol?: 'UDP' }[];
    selector: Record<string, string>;
    type: 'NodePort';
  };
}

/** Something boxctl cannot carry across: where it is (a field path, or a container) and why. */
export interface Finding {
  /** `Pod/web` for a document of a file, or a container's name when generating. */
  object: string;
  /** `spec.containers[0].livenessProbe`; empty for the object as a whole. */
  path: string;
  message: string;
}

export function findingText(f: Finding): string {
  return f.path === '' ? `${f.object}: ${f.message}` : `${f.object}: ${f.path}: ${f.message}`;
}
