// The content script for alphaxiv pages: only this site's adapter is bundled in.
import { alphaxiv } from '../../sites/alphaxiv';
import { startContentScript } from '../start';

startContentScript([alphaxiv]);
