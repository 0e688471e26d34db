/** The part of JSON Schema (draft-07) the config's schema uses. */
export interface JsonSchema {
	$schema?: string;
	$id?: string;
	$ref?: string;
	$defs?: Record<string, JsonSchema>;
	definitions?: Record<string, JsonSchema>;
	/** A short phrase for what is expected here ("a key name"): editors show it, and so do berth's messages. */
	title?: string;
	description?: string;
	type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
	properties?: Record<string, JsonSchema>;
	additionalProperties?: boolean | JsonSchema;
	propertyNames?: JsonSchema;
	required?: string[];
	items?: JsonSchema;
	uniqueItems?: boolean;
	minItems?: number;
	enum?: ReadonlyArray<string | number | boolean>;
	const?: string | number | boolean;
	pattern?: string;
	minimum?: number;
	maximum?: number;
	anyOf?: JsonSchema[];
	default?: unknown;
	examples?: unknown[];
}
