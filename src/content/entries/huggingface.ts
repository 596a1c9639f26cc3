// The content script for huggingface pages: only this site's adapter is bundled in.
import { huggingface } from '../../sites/huggingface';
import { startContentScript } from '../start';

startContentScript([huggingface]);
