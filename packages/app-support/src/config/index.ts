export { ConfigFileError } from "./errors.js";
export { loadConfig, parseConfig, type FleetConfig } from "./load.js";
export {
  CONFIG_FILE_NAME,
  USER_CONFIG_FILE_NAME,
  locateConfig,
  searchedPlaces,
  userConfigFolder,
  type LocatedConfig,
  type LocateOptions,
} from "./locate.js";
export type { ArchiveSetting } from "./archive.js";
