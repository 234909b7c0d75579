/**
 * `scenario/import/`: configuration files (SAM / CloudFormation, `terraform show -json`, serverless.yml)
 * to a scenario whose every imported value cites its source. Pure: callers read the files.
 */
export { importConfigText, mergeConfigs, CONFIG_FORMATS_ALLOWED, type ConfigFormat } from "./import-config.js";
export { importedScenarioText, citation, PLACEHOLDER_ARRIVALS, PLACEHOLDER_DURATION, type DocumentOptions } from "./scenario-document.js";
export { unresolvedOf, type ImportedConfig, type ImportedFunction, type Sourced, type Unresolved } from "./imported-config.js";
export { mapRuntime, mapArchitecture, IMPORT_RUNTIMES_ALLOWED, IMPORT_ARCHITECTURES_ALLOWED } from "./lambda-names.js";
