/**
 * The fake engine's volumes (`engine.volumes` of FakeEngine): named and anonymous volumes with
 * scripted sizes, which containers mount them (FakeEngine.mounts), and the engine's refusals
 * as test/contract/volumes.ts pins them down against the real dockerd.
 */
import {EngineError, type ContainerSummary, type PruneItem, type VolumeDetails, type VolumesApi, type VolumeSummary} from '../../source/engine/types.js';

export interface FakeMount {
	type: 'volume' | 'bind';
	/** The volume's name (type volume). */
	name: string;
	destination: string;
	readOnly?: boolean;
}

export interface FakeVolumesHost {
	enter(method: string, ...args: unknown[]): Promise<void>;
	emit(event: {type: string; action: string; id: string; attributes: Record<string, string>}): void;
	containers(): ContainerSummary[];
	mounts(id: string): FakeMount[];
}

let counter = 0;

export class FakeVolumes {
	rows: VolumeDetails[] = [];

	constructor(private readonly host: FakeVolumesHost) {}

	/** Adds a volume as if created outside berth. */
	add(partial: Partial<VolumeDetails> & {name: string}): VolumeDetails {
		const volume: VolumeDetails = {
			id: partial.name,
			driver: 'local',
			scope: 'local',
			mountpoint: `/var/lib/docker/volumes/${partial.name}/_data`,
			created: new Date().toISOString(),
			labels: {},
			options: {},
			anonymous: /^[0-9a-f]{64}$/.test(partial.name),
			status: {},
			...partial,
		};
		this.rows.push(volume);
		return volume;
	}

	private users(name: string) {
		return this.host.containers().flatMap(container => this.host.mounts(container.id)
			.filter(mount => mount.type === 'volume' && mount.name === name)
			.map(mount => ({id: container.id, name: container.name, state: container.state, destination: mount.destination, readOnly: mount.readOnly === true})));
	}

	private find(name: string): VolumeDetails {
		const volume = this.rows.find(row => row.name === name);
		if (!volume) throw new EngineError('not-found', `get ${name}: no such volume`, {statusCode: 404});
		return volume;
	}

	private summary(volume: VolumeDetails): VolumeSummary {
		const {status: _status, ...summary} = volume;
		return {...summary, refCount: new Set(this.users(volume.name).map(user => user.id)).size};
	}

	private unused(): VolumeDetails[] {
		return this.rows.filter(volume => volume.driver === 'local' && this.users(volume.name).length === 0);
	}

	private items(volumes: VolumeDetails[]): PruneItem[] {
		return volumes.map(volume => ({kind: 'volume', id: volume.name, name: volume.name, size: volume.size ?? 0}));
	}

	api(): VolumesApi {
		const counts = (items: PruneItem[]) => ({container: 0, image: 0, network: 0, volume: items.length, 'build-cache': 0});
		return {
			list: async () => {
				await this.host.enter('listVolumes');
				return this.rows.map(volume => this.summary(volume));
			},
			inspect: async name => {
				await this.host.enter('inspectVolume', name);
				return {...this.find(name)};
			},
			usedBy: async name => {
				await this.host.enter('volumeUsers', name);
				return this.users(name);
			},
			create: async options => {
				await this.host.enter('createVolume', options);
				const name = options.name || (++counter).toString(16).padStart(64, 'a');
				const existing = this.rows.find(row => row.name === name);
				// The engine answers a create of an existing name with that volume.
				const volume = existing ?? this.add({name, driver: options.driver || 'local', labels: {...options.labels}, options: {...options.driverOptions}});
				if (!existing) this.host.emit({type: 'volume', action: 'create', id: name, attributes: {driver: volume.driver}});
				return this.summary(volume);
			},
			remove: async (name, _options) => {
				await this.host.enter('removeVolume', name);
				this.find(name);
				const users = this.users(name);
				// Even with force: force only quiets a missing volume's error.
				if (users.length > 0) throw new EngineError('conflict', `remove ${name}: volume is in use - [${users.map(user => user.id).join(', ')}]`, {statusCode: 409});
				this.rows = this.rows.filter(row => row.name !== name);
				this.host.emit({type: 'volume', action: 'destroy', id: name, attributes: {driver: 'local'}});
			},
			previewPrune: async () => {
				await this.host.enter('previewPruneVolumes');
				const items = this.items(this.unused());
				return {targets: ['volumes'], items, counts: counts(items), space: items.reduce((sum, item) => sum + (item.size ?? 0), 0)};
			},
			prune: async () => {
				await this.host.enter('pruneVolumes');
				const gone = this.unused();
				this.rows = this.rows.filter(row => !gone.includes(row));
				for (const volume of gone) this.host.emit({type: 'volume', action: 'destroy', id: volume.name, attributes: {driver: volume.driver}});
				const removed = this.items(gone);
				return {targets: ['volumes'], removed, counts: counts(removed), spaceReclaimed: removed.reduce((sum, item) => sum + (item.size ?? 0), 0)};
			},
		};
	}
}
