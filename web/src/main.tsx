import "@fontsource-variable/inter";
import "./index.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "@/app/app";
import { session } from "@/lib/auth";

// The page's Content-Security-Policy allows styles only from this origin and with the nonce the
// server put in <meta name="csp-nonce">; libraries that add <style> elements at run time (Radix's
// scroll lock, via get-nonce) read it from here.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
if (nonce && !nonce.startsWith("__")) (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;

// A reload keeps the session: the refresh cookie gives this tab a new access token.
void session.restore();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
