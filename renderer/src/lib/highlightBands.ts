// Underline lanes for highlight bands (one band per theme of a highlight); no DOM here, so node tests can check it.

export interface Band {
  start: number;
  end: number;
}

/**
 * Lanes for theme bands (one per theme of each highlight) so that bands sharing any text get different lanes:
 * greedy interval partitioning in start order, the lowest free lane first.
 */
export function assignLanes(bands: readonly Band[]): number[] {
  const order = bands.map((_, i) => i).sort((a, b) => bands[a].start - bands[b].start || bands[b].end - bands[a].end);
  const laneEnd: number[] = [];
  const out = new Array<number>(bands.length).fill(0);
  for (const i of order) {
    const b = bands[i];
    let lane = laneEnd.findIndex((end) => end <= b.start);
    if (lane < 0) {
      lane = laneEnd.length;
      laneEnd.push(b.end);
    } else laneEnd[lane] = b.end;
    out[i] = lane;
  }
  return out;
}

/** Which bands share text with another band (those get underlines; a lone highlight needs only its tint). */
export function overlapping(bands: readonly Band[]): boolean[] {
  const order = bands.map((_, i) => i).sort((a, b) => bands[a].start - bands[b].start);
  const out = new Array<boolean>(bands.length).fill(false);
  let active: number[] = [];
  for (const i of order) {
    const b = bands[i];
    active = active.filter((k) => bands[k].end > b.start);
    if (active.length > 0 && b.end > b.start) {
      out[i] = true;
      for (const k of active) out[k] = true;
    }
    active.push(i);
  }
  return out;
}
