/** The file name of a published checklist version in checklists/: `<id>@<version>.json`. */
export const PUBLISHED_FILE = /^([a-z0-9][a-z0-9-]*)@([0-9A-Za-z.-]+)\.json$/;
