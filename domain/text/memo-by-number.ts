/**
 * Remembers the strings a formatting function gives for numbers (cents, instants): Intl
 * formatting costs microseconds a call, and a card formats the same dates and amounts
 * at every turn. At most `max` entries; beyond, it starts again empty.
 */
export function memoByNumber(format: (value: number) => string, max = 10_000): (value: number) => string {
  const known = new Map<number, string>();
  return (value) => {
    let text = known.get(value);
    if (text === undefined) {
      text = format(value);
      if (known.size >= max) known.clear();
      known.set(value, text);
    }
    return text;
  };
}
