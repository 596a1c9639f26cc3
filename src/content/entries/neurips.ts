// The content script for neurips pages: only this site's adapter is bundled in.
import { neurips } from '../../sites/neurips';
import { startContentScript } from '../start';

startContentScript([neurips]);
