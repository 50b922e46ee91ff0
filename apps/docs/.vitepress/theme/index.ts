import DefaultTheme from 'vitepress/theme';
import './sideBySide.css';

export default DefaultTheme;
