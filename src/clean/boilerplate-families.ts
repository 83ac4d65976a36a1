/** Boilerplate families (data/boilerplate.json), compiled once, matched against one trimmed line. */
import families from '../../data/boilerplate.json' with { type: 'json' };

export type BoilerplateRole = 'comments-open' | 'boilerplate' | 'footer' | 'outlet';

export interface BoilerplateMatch {
  readonly family: string;
  readonly role: BoilerplateRole;
  /** The outlet named by the line, for `outlet` families. */
  readonly outlet: string | null;
}

interface CompiledFamily {
  readonly id: string;
  readonly role: BoilerplateRole;
  readonly patterns: readonly RegExp[];
}

const COMPILED: readonly CompiledFamily[] = families.families.map((family) => ({
  id: family.id,
  role: family.role as BoilerplateRole,
  patterns: family.patterns.map((pattern) => new RegExp(pattern, 'iu')),
}));

/** The boilerplate family a trimmed line belongs to, or null for a line that may be text. */
export function matchBoilerplate(line: string): BoilerplateMatch | null {
  if (line.length > 400) return null;
  for (const family of COMPILED) {
    for (const pattern of family.patterns) {
      const match = pattern.exec(line);
      if (match) return { family: family.id, role: family.role, outlet: match.groups?.outlet?.trim() ?? null };
    }
  }
  return null;
}
