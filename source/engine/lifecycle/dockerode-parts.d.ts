/**
 * Types for the parts of dockerode berth loads on their own (its Container class, without
 * dockerode's index, which loads gRPC and protobuf for BuildKit sessions berth does not use).
 */
declare module 'dockerode/lib/container.js' {
	import type Dockerode from 'dockerode';
	import type Modem from 'docker-modem';

	const Container: new (modem: Modem, id: string) => Dockerode.Container;
	export default Container;
}
