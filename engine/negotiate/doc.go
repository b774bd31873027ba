// Package negotiate writes the negotiation texts of offerkit: a script for
// each lever, the emails of a negotiation (the round-1 counter, a
// later-round follow-up, the acceptance) and answers to the questions
// recruiters ask before an offer.
//
// Every text is built from Facts, which hold only what the user's files
// say. A text never states a figure, an employer, a competing offer, a
// deadline or a confidentiality obligation that the facts do not hold.
// Where a sentence needs something the files do not know (a name, an
// achievement, the team), the text keeps a visible placeholder such as
// [[your achievement]], which lint reports until it is filled in.
//
// Like engine, the package is pure: no I/O, no clock, no HCL.
package negotiate
