/** The calibration samples of a `--data` folder. */
export interface SampleFolder {
  /** The folder as given. */
  readonly dir: string;
  /** `npy`: one array per file, for a single-input model; `npz`: one array per model input, by name. */
  readonly format: 'npy' | 'npz';
  /** The sample files to use, in name order (after `--limit`). */
  readonly files: readonly string[];
  /** How many samples the folder holds (before `--limit`). */
  readonly found: number;
}
