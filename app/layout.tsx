import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Durban Valuation Roll Explorer", template: "%s · Durban Valuation Roll Explorer" },
  description: "Search eThekwini's General Valuation Roll 2022: every property, its market value and its history.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-ZA">
      <body className="min-h-screen bg-white text-slate-900 antialiased">{children}</body>
    </html>
  );
}
