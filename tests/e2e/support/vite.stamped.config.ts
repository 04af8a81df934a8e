import { mergeConfig } from "vite";
import base from "../../../vite.config";

/**
 * The app's own build configuration, with the build id stamped as a comment at the top of every chunk: two builds
 * then differ in their bytes, as two deployments do, whether or not the app shows VITE_BUILD_ID on screen.
 */
export default mergeConfig(base, {
  build: { rolldownOptions: { output: { banner: `/* build ${process.env.VITE_BUILD_ID ?? "dev"} */` } } },
});
