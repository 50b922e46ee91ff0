import root, { type qtk } from './generated/qtk_artifact.js';

/**
 * The `Artifact` message type of proto/qtk_artifact.proto. The generated reflection module exposes
 * lower-case packages only through lookups, so look it up once, typed by the generated declarations.
 */
export const ArtifactMessage = root.lookupType('qtk.artifact.Artifact') as unknown as typeof qtk.artifact.Artifact;
