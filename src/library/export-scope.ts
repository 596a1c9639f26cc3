import type { ExportScope } from './components/ExportPanel';

/** A part of the list the reader chose to export, and whether a search or filter narrowed the list then. */
export interface ScopeChoice {
  scope: ExportScope;
  narrowed: boolean;
}

/**
 * What the export offers: the reader's own choice while the list is narrowed as it was when they made it (and, for
 * the selection, while something is selected); else what they are looking at, the shown papers when a search or
 * filter narrows the list and all papers when none does.
 */
export function exportScope(choice: ScopeChoice | null, narrowed: boolean, selected: number): ExportScope {
  if (choice && choice.narrowed === narrowed && !(choice.scope === 'selection' && selected === 0)) return choice.scope;
  return narrowed ? 'shown' : 'all';
}
