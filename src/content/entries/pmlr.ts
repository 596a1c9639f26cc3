// The content script for pmlr pages: only this site's adapter is bundled in.
import { pmlr } from '../../sites/pmlr';
import { startContentScript } from '../start';

startContentScript([pmlr]);
