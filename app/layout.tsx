import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SITE_ICON } from "@/lib/site-icon";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Durban Valuation Roll Explorer", template: "%s · Durban Valuation Roll Explorer" },
  description: "Search eThekwini's valuation rolls: every property, its market value on each roll and its history.",
  // An inline icon: browsers do not then ask for /favicon.ico.
  icons: { icon: SITE_ICON },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en-ZA">
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none print:p-0">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
