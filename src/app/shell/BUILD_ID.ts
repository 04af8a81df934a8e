/** Which build this is, set at build time (`VITE_BUILD_ID`); shown in Settings so a deployment can be told apart. */
export const BUILD_ID: string = (import.meta.env.VITE_BUILD_ID as string | undefined) ?? "dev";
