/** The engine's JSON for swarm services, tasks and nodes (the parts berth reads). */

export interface RawVersion {
	Index?: number;
}

export interface RawUpdateConfig {
	Parallelism?: number;
	Delay?: number;
	FailureAction?: string;
	Monitor?: number;
	MaxFailureRatio?: number;
	Order?: string;
}

export interface RawContainerSpec {
	Image?: string;
	Command?: string[] | null;
	Args?: string[] | null;
	Env?: string[] | null;
	Dir?: string;
	User?: string;
	Hostname?: string;
	TTY?: boolean;
	Mounts?: Array<{Type?: string; Source?: string; Target?: string; ReadOnly?: boolean}> | null;
}

export interface RawTaskSpec {
	ContainerSpec?: RawContainerSpec;
	Resources?: {
		Limits?: {NanoCPUs?: number; MemoryBytes?: number};
		Reservations?: {NanoCPUs?: number; MemoryBytes?: number};
	};
	RestartPolicy?: {Condition?: string; Delay?: number; MaxAttempts?: number; Window?: number};
	Placement?: {Constraints?: string[] | null};
	Networks?: Array<{Target?: string; Aliases?: string[] | null}> | null;
	ForceUpdate?: number;
}

export interface RawServiceMode {
	Replicated?: {Replicas?: number};
	Global?: Record<string, never>;
	ReplicatedJob?: {MaxConcurrent?: number; TotalCompletions?: number};
	GlobalJob?: Record<string, never>;
}

export interface RawServiceSpec {
	Name?: string;
	Labels?: Record<string, string> | null;
	TaskTemplate?: RawTaskSpec;
	Mode?: RawServiceMode;
	UpdateConfig?: RawUpdateConfig;
	RollbackConfig?: RawUpdateConfig;
	EndpointSpec?: {Mode?: string};
	// The rest of the spec is sent back unchanged on update.
	[key: string]: unknown;
}

export interface RawPort {
	Protocol?: string;
	TargetPort?: number;
	PublishedPort?: number;
	PublishMode?: string;
}

export interface RawService {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: RawServiceSpec;
	PreviousSpec?: RawServiceSpec;
	Endpoint?: {
		Spec?: {Mode?: string};
		Ports?: RawPort[] | null;
		VirtualIPs?: Array<{NetworkID?: string; Addr?: string}> | null;
	};
	UpdateStatus?: {State?: string; StartedAt?: string; CompletedAt?: string; Message?: string};
	ServiceStatus?: {RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number};
	JobStatus?: {JobIteration?: RawVersion};
}

export interface RawTask {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	ServiceID?: string;
	Slot?: number;
	NodeID?: string;
	Spec?: RawTaskSpec;
	Status?: {
		Timestamp?: string;
		State?: string;
		Message?: string;
		Err?: string;
		ContainerStatus?: {ContainerID?: string; ExitCode?: number};
	};
	DesiredState?: string;
	JobIteration?: RawVersion;
}

export interface RawNode {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: {Name?: string; Labels?: Record<string, string> | null; Role?: string; Availability?: string; [key: string]: unknown};
	Description?: {
		Hostname?: string;
		Platform?: {Architecture?: string; OS?: string};
		Resources?: {NanoCPUs?: number; MemoryBytes?: number};
		Engine?: {EngineVersion?: string; Labels?: Record<string, string> | null; Plugins?: Array<{Type?: string; Name?: string}> | null};
	};
	Status?: {State?: string; Message?: string; Addr?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string; Addr?: string} | null;
}

export interface RawInfo {
	Swarm?: {NodeID?: string; LocalNodeState?: string; ControlAvailable?: boolean; Error?: string} | null;
}
