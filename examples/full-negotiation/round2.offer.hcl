# Round 2 answers the revised offer: one lever, the sign-on.
counter "round2" {
  offer = offer.amazon_l6_r2
  round = 2
  sent  = "2025-03-13"

  sign_on {
    year1 = 130000
    year2 = 100000
  }
}
