// Redoc options for the site. Redoc 3 shows only the x-codeSamples whose label is in
// `codeSamples.languages`, so the list is read off the decorated spec: a new sample
// variant appears on the page without touching this file.
import { listOperations } from "./decorate.mjs";

export function redocOptions(decoratedSpec) {
  const languages = new Map();
  for (const { operation } of listOperations(decoratedSpec)) {
    for (const { lang, label } of operation["x-codeSamples"] ?? []) {
      if (!languages.has(label)) languages.set(label, { lang, label });
    }
  }
  return {
    codeSamples: { languages: [...languages.values()] },
    // Open response samples deep enough that a session's fields show without clicks.
    jsonSamplesExpandLevel: 3,
    // The page is one self-contained file; the spec sits beside it as openapi.json.
    hideDownloadButtons: true,
  };
}
