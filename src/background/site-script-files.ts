// The built file of each optional site's content script (crxjs builds `?iife` imports as self-contained
// scripts and gives their output path), for scripting.registerContentScripts once the user grants the site.
import alphaxiv from '../content/entries/alphaxiv.ts?iife';
import openreview from '../content/entries/openreview.ts?iife';
import semanticscholar from '../content/entries/semanticscholar.ts?iife';
import scholar from '../content/entries/scholar.ts?iife';
import aclanthology from '../content/entries/aclanthology.ts?iife';
import pmlr from '../content/entries/pmlr.ts?iife';
import neurips from '../content/entries/neurips.ts?iife';
import cvf from '../content/entries/cvf.ts?iife';
import dblp from '../content/entries/dblp.ts?iife';

export const SITE_SCRIPT_FILES: Record<string, string> = {
  alphaxiv,
  openreview,
  semanticscholar,
  scholar,
  aclanthology,
  pmlr,
  neurips,
  cvf,
  dblp,
};
