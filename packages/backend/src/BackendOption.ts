/** A per-model option a backend accepts at convert time (nash-h's `integerConv`). */
export interface BackendOption {
  readonly name: string;
  readonly type: 'boolean' | 'number' | 'string';
  readonly default: boolean | number | string;
  /** One line for `--help` and the docs. */
  readonly description: string;
}

/** Option values by name, as `convert` receives them. */
export type BackendOptionValues = Readonly<Record<string, boolean | number | string>>;
