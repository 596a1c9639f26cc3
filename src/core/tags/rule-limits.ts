// The tag rules' limits, apart from their checks (rules.ts): the settings' schema needs the count, and every page that
// reads settings (the popup, the library) would otherwise load the checks with it.

/** How many rules the settings keep (storage/settings-schema.ts refuses more; the options page says so first). */
export const MAX_RULES = 1000;
