// The content script for openreview pages: only this site's adapter is bundled in.
import { openreview } from '../../sites/openreview';
import { startContentScript } from '../start';

startContentScript([openreview]);
