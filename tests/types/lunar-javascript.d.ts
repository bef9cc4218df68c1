// lunar-javascript ships no types; only what the holiday tests use as their independent calendar.
declare module 'lunar-javascript' {
  const lunar: {
    Lunar: { fromYmd(year: number, month: number, day: number): { getSolar(): { toYmd(): string } } }
  }
  export default lunar // eslint-disable-line no-restricted-syntax -- the package's own shape (a CommonJS object)
}
