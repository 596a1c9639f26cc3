// Tags for a card before the user's own: site keywords (Hugging Face ai_keywords, arXiv categories).
import type { Paper } from '../core/paper';
import type { Tag } from './overlay/tag-chips';

export function createTagger(): (paper: Paper) => Tag[] {
  return (paper) => paper.categories.map((label): Tag => ({ label, kind: 'site', watched: false }));
}
