// The content script for arxiv pages: only this site's adapter is bundled in.
import { arxiv } from '../../sites/arxiv';
import { startContentScript } from '../start';

startContentScript([arxiv]);
