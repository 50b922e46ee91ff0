import { QTK_DOMAIN } from '@qtk/ir';
import type { NodeLowering } from '../ExportContext.js';
import type { ExportProfile } from '../ExportProfile.js';
import { floatExportProfile } from '../float/floatExportProfile.js';
import { lowerForViewing, VISUALIZE_DOMAIN_VERSION } from './lowerForViewing.js';

/** Every visualize file declares the `qtk` domain, so importers can tell it from a model to run. */
const withQtkDomain: NodeLowering = (node, ctx) => {
  ctx.useOpset(QTK_DOMAIN, VISUALIZE_DOMAIN_VERSION);
  lowerForViewing(node, ctx);
};

/**
 * The visualize export, for viewers (Netron), not runtimes: every node exactly as it is in qtk (op
 * type and domain unchanged: qtk's integer ops in domain `qtk`, core ops in the default domain),
 * with all its attributes and annotations, and `value_info` for every intermediate value.
 */
export const visualizeExportProfile: ExportProfile = {
  name: 'visualize',
  opsets: floatExportProfile.opsets,
  lowering: () => withQtkDomain,
  valueInfo: true,
};
