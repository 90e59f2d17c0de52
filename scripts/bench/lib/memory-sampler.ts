import { processMemory } from "./machine";

// Samples a process's resident memory while something runs: the peak during that window (VmHWM
// covers the process's whole life, which may include earlier work).

export function sampleMemory(pid: number, everyMs = 100): { stop: () => { peakMb: number; lastMb: number; samples: number } } {
  let peakMb = 0;
  let lastMb = 0;
  let samples = 0;
  const take = () => {
    try {
      lastMb = processMemory(pid).rssMb;
      peakMb = Math.max(peakMb, lastMb);
      samples += 1;
    } catch {
      // the process is gone: keep what was seen
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peakMb, lastMb, samples };
    },
  };
}
