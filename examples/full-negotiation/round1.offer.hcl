# Round 1: the candidate asks for more base and a larger grant.
counter "round1" {
  offer = offer.amazon_l6
  round = 1
  sent  = "2025-03-06"

  base = 215000

  equity {
    value = 500000
  }
}
