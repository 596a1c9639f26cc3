import { render } from 'preact';
import { extensionApi } from '../popup/api';
import { LibraryApp } from './components/LibraryApp';
import './library.css';

render(<LibraryApp api={extensionApi} />, document.getElementById('app')!);
