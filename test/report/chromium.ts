/**
 * Headless Chromium for the report's tests: Debian's `chromium` driven by playwright-core, which
 * downloads no browser of its own. A missing browser fails the tests with the way to install it;
 * it never skips them, as a skipped rendering test would hide a broken report.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian puts its Chromium; `CHROMIUM_PATH` overrides it on other systems. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Starts headless Chromium, or throws an error that says how to install it. `env` is added to the
 * browser's environment (a test gives it a fontconfig file of its own, for instance).
 */
export async function launchChromium(
  executablePath = CHROMIUM_PATH,
  env: Record<string, string> = {},
): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `The HTML report's tests need headless Chromium, and there is none at ${executablePath}. ` +
        'Install Debian\'s package with "apt-get install -y chromium" (as root; .ci/run does this), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    env: { ...process.env, ...env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
