export declare const bundleYamlPath: string;
export declare const bundleJsonPath: string;
export declare const dereferencedJsonPath: string;
