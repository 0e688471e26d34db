/**
 * The part of an engine's message that says why, for a line as short as the status line: the
 * container runtime wraps its reason in layers ("failed to create shim task: OCI runtime create
 * failed: runc create failed: unable to start container process: …: unknown") that fill the
 * line before the reason shows. The command log keeps the whole message. Pure.
 */

/** The wrappers dockerd, containerd and runc put in front of a reason (20.10 to 28). */
const wrapper = /^(?:failed to create shim task|OCI runtime (?:create|exec|start) failed|runc (?:create|exec|run) failed|unable to start container process|error during container init|container_linux\.go:\d+|starting container process caused|process_linux\.go:\d+): /;

export function briefReason(message: string): string {
	// A command that cannot run: `exec: "nosuchcmd": executable file not found in $PATH: unknown`.
	const exec = /exec: "([^"]*)": (.+?)(?:: unknown)?$/s.exec(message);
	if (exec) return `${exec[1]}: ${exec[2]}`;
	let text = message;
	while (wrapper.test(text)) text = text.replace(wrapper, '');
	return text === message ? message : text.replace(/: unknown$/, '');
}
