/**
 * Prints the path of the Chromium that @sparticuz/chromium carries inside its npm package, after
 * unpacking it (and its fontconfig) into the temp folder on first call (TOOLCHAIN.md "A browser
 * from npm"). A child process because the package is ES-module only and jest runs CommonJS.
 */
import process from 'node:process';
import chromium from '@sparticuz/chromium';

process.stdout.write(JSON.stringify({ executablePath: await chromium.executablePath(), args: chromium.args }));
