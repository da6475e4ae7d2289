// Short tones for the dispatch desk, so a packer looking at the parcel hears a
// wrong scan: a low double buzz for errors, a light chirp for ticks and packs.
// Quiet where the web view has no audio.
type Tone = { frequency: number; at: number; length: number; wave: OscillatorType };

const SOUNDS: Record<"error" | "tick" | "done", Tone[]> = {
  error: [
    { frequency: 220, at: 0, length: 0.14, wave: "square" },
    { frequency: 180, at: 0.18, length: 0.2, wave: "square" },
  ],
  tick: [{ frequency: 1320, at: 0, length: 0.05, wave: "sine" }],
  done: [
    { frequency: 880, at: 0, length: 0.09, wave: "sine" },
    { frequency: 1320, at: 0.1, length: 0.14, wave: "sine" },
  ],
};

let context: AudioContext | null = null;

/** Plays one of the desk's sounds; never throws. */
export function deskSound(kind: keyof typeof SOUNDS): void {
  try {
    if (typeof AudioContext === "undefined") return;
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === "suspended") void ctx.resume();
    const start = ctx.currentTime + 0.01;
    for (const t of SOUNDS[kind]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = t.wave;
      osc.frequency.value = t.frequency;
      const volume = t.wave === "square" ? 0.08 : 0.15;
      gain.gain.setValueAtTime(volume, start + t.at);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + t.at + t.length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + t.at);
      osc.stop(start + t.at + t.length + 0.02);
    }
  } catch {
    // No sound is better than a broken desk.
  }
}
