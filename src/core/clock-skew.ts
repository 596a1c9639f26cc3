// How far apart two clocks may be: this device's and another device's (a backup's times) or GitHub's (a push date).

/** How far ahead of this device's clock another's may be before its times are not believed. */
export const CLOCK_SKEW_MS = 24 * 3_600_000;
