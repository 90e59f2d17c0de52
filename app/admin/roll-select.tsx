/** The roll an admin form acts on (a plain `roll` field of the form), one option per registered roll. */
export function RollSelect({ label, rolls, defaultRoll }: { label: string; rolls: readonly string[]; defaultRoll: string }) {
  return (
    <label className="block">
      <span className="block font-medium">{label}</span>
      <select name="roll" defaultValue={defaultRoll} className="mt-1 rounded border border-slate-400 px-2 py-1">
        {rolls.map((roll) => (
          <option key={roll} value={roll}>{roll}</option>
        ))}
      </select>
    </label>
  );
}
