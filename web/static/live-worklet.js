// The audio thread of the live panel: microphone (or tab) audio at the context's rate in,
// 16 kHz mono s16le chunks of CHUNK_MS out to the main thread, which numbers and sends
// them (docs/LIVE.md). Downsampling averages the input samples that fall into each output
// sample (a box filter): enough against aliasing for speech recognition, and cheap.
"use strict";

const TARGET_RATE = 16000;
const CHUNK_MS = 200;

class Pcm16kProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE;  // input samples per output sample
    this.size = TARGET_RATE * CHUNK_MS / 1000;
    this.chunk = new Int16Array(this.size);
    this.filled = 0;
    this.sum = 0;
    this.count = 0;
    this.position = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const length = channels[0].length;
    for (let i = 0; i < length; i++) {
      let sample = 0;
      for (let c = 0; c < channels.length; c++) sample += channels[c][i];
      this.sum += sample / channels.length;
      this.count += 1;
      this.position += 1;
      if (this.position >= this.step) {
        this.position -= this.step;
        this.emit(this.sum / this.count);
        this.sum = 0;
        this.count = 0;
      }
    }
    return true;
  }

  emit(value) {
    const clipped = Math.max(-1, Math.min(1, value));
    this.chunk[this.filled++] = clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff;
    if (this.filled === this.size) {
      // Little-endian on every platform browsers run on, as s16le requires.
      this.port.postMessage(this.chunk.buffer, [this.chunk.buffer]);
      this.chunk = new Int16Array(this.size);  // the sent one is detached now
      this.filled = 0;
    }
  }
}

registerProcessor("pcm-16k", Pcm16kProcessor);
