// The browser tests use the same Chromium launch as the scripts.
export { chromiumPath, launchBrowser } from '../../scripts/lib/chromium';
