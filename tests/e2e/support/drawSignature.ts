import type { Locator, Page } from "playwright-core";

/**
 * Draws a signature on a canvas with real pointer events (down, moves, up), as a finger does: a wave across the
 * left half and, after a pause longer than a finger lifted between strokes, a second stroke on the right.
 */
export async function drawSignature(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the signature canvas is not on screen");
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  const stroke = async (points: (readonly [number, number])[]) => {
    await page.mouse.move(...at(...points[0]!));
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(...at(...p), { steps: 3 });
    await page.mouse.up();
  };
  await stroke(Array.from({ length: 16 }, (_, i) => [0.1 + i * 0.025, 0.5 + 0.25 * Math.sin(i / 2)] as const));
  await page.waitForTimeout(1200);
  await stroke([[0.7, 0.3], [0.75, 0.7], [0.85, 0.3]]);
}
