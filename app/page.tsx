export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl p-4">
      <h1 className="text-2xl font-semibold">Durban Valuation Roll Explorer</h1>
    </main>
  );
}
