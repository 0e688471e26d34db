/** The fake engine's `docker system df -v`: figures made from its containers, images and volumes, totals by the CLI's rules. */
import {toDiskUsage} from '../../source/engine/system/disk-usage.js';
import type {ContainerSummary, DiskUsage, ImageSummary, VolumeSummary} from '../../source/engine/types.js';

export function fakeDiskUsage(containers: ContainerSummary[], images: ImageSummary[], volumes: VolumeSummary[]): DiskUsage {
	return toDiskUsage({
		LayersSize: images.reduce((sum, image) => sum + image.size, 0),
		Images: images.map(image => ({Id: image.id, RepoTags: image.repoTags, Created: image.created, Size: image.size, SharedSize: 0, Containers: containers.filter(container => container.imageId === image.id).length})),
		Containers: containers.map(container => ({Id: container.id, Names: [`/${container.name}`], Image: container.image, State: container.state, SizeRw: 0, SizeRootFs: 0})),
		Volumes: volumes.map(volume => ({Name: volume.name, Driver: volume.driver, UsageData: {Size: volume.size ?? -1, RefCount: volume.refCount ?? -1}})),
		BuildCache: [],
	});
}
