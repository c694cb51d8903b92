export type ApiVersion = "v6" | "v7" | "v8";
/** The REST API versions this spec describes, oldest first. */
export declare const apiVersions: readonly ApiVersion[];
/** The bundle files of one version; throws for a version the spec does not describe. */
export declare function bundlePaths(version: ApiVersion): { yaml: string; json: string; dereferenced: string };
/** The v6 bundle (the same files as `bundlePaths("v6")`). */
export declare const bundleYamlPath: string;
export declare const bundleJsonPath: string;
export declare const dereferencedJsonPath: string;
