// The content script for cvf pages: only this site's adapter is bundled in.
import { cvf } from '../../sites/cvf';
import { startContentScript } from '../start';

startContentScript([cvf]);
