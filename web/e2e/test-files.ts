/**
 * Real small files for upload tests, made here: photos drawn on a canvas in the browser (a real
 * PNG or JPEG from Chromium's own encoders) and a one-page PDF with a text layer.
 */
import type { Page } from "@playwright/test";

/** A 64 x 48 photo of coloured shapes (varied by `seed`, so each is a different file) as PNG or JPEG. */
export async function photo(page: Page, type: "image/png" | "image/jpeg", seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    ({ type, seed }) => {
      const canvas = document.createElement("canvas");
      canvas.width = 64;
      canvas.height = 48;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d canvas");
      context.fillStyle = `hsl(${(seed * 47) % 360} 65% 45%)`;
      context.fillRect(0, 0, 64, 48);
      context.fillStyle = `hsl(${(seed * 91 + 120) % 360} 80% 70%)`;
      context.fillRect(seed % 40, (seed * 7) % 24, 24, 20);
      context.beginPath();
      context.arc(48 - (seed % 16), 30, 10, 0, Math.PI * 2);
      context.fillStyle = "#fff";
      context.fill();
      return canvas.toDataURL(type, 0.92).split(",")[1] ?? "";
    },
    { type, seed },
  );
  return Buffer.from(base64, "base64");
}

/** A one-page PDF with a line of text and a correct cross-reference table. */
export function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
