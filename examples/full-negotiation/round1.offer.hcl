# Round 1: the candidate asks for more base and a larger grant.
counter "round1" {
  offer = offer.amazon_l6
  round = 1
  sent  = "2025-03-06"

  reasons = {
    base   = "the base sits under the middle of the NYC band for this level"
    equity = "the grant leaves years 1 and 2 well below years 3 and 4"
  }

  base = 215000

  equity {
    value = 500000
  }
}
