// The content script for semanticscholar pages: only this site's adapter is bundled in.
import { semanticScholar } from '../../sites/semanticscholar';
import { startContentScript } from '../start';

startContentScript([semanticScholar]);
