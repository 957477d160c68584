/** Internal: what a load of data files may be given besides the files. */
import type { Vocabulary } from '../model/vocabulary.ts';

export interface LoadOptions {
  /** File names in problems are shown relative to this folder (default: the process's). */
  cwd?: string;
  /** The knowledge model to validate and write against (default: this server's, src/model/vocabulary.ts). */
  vocabulary?: Vocabulary;
}
