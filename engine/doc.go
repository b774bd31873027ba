// Package engine holds the compensation domain of offerkit: money, vesting
// schedules, market bands, and the year-by-year worth of an offer or a
// counter-proposal together with the flags a negotiator should act on.
//
// The package is pure. It takes plain Go values and returns plain Go values;
// it imports no HCL, no LSP library and nothing that performs I/O or reads the
// clock. Errors and flags name the field they concern (for example "base" or
// "equity.value"), and the lang package maps those names back to source
// ranges.
//
// Money is exact. Amounts are held as whole cents (Money); rates, prices and
// share counts as exact decimals (Dec). A computation runs on exact rationals
// and is rounded to the cent exactly once, by RoundCents, half away from zero.
package engine
