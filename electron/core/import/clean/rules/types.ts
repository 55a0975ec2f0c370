import type { CleaningRuleId } from '../../../../../shared/domain';
import type { Edit } from '../edits';

export interface CleaningRule {
  id: CleaningRuleId;
  /** Whether the rule's removals are kept with the document (layout-only rules are not). */
  keepsRemoved: boolean;
  /** Flag-only rules report but never edit. */
  flagsOnly?: boolean;
  find(text: string): Edit[];
}
