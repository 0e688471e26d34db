/**
 * Stands in for dockerode's lib/session.js (and lib/buildkit.js) in the bundle: they load gRPC
 * and protobuf for BuildKit sessions (about 60 ms of start-up), which berth never opens (its
 * builds use the classic builder, source/engine/images/build.ts). dockerode calls them only for
 * a BuildKit build (buildImage with version 2) and its BuildKit progress.
 */
export function followProgress(): never {
	throw new Error('berth builds with the classic builder: BuildKit progress is not bundled');
}
